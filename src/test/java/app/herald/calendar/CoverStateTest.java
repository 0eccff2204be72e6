package app.herald.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A cover frame is set one way, through SENDING (so a call cut short is noticed); a new upload starts it again. */
class CoverStateTest {

    @Test
    void aCoverIsSentBeforeItIsSetOrRefused() {
        assertThat(CoverState.PENDING.canMoveTo(CoverState.SENDING)).isTrue();
        assertThat(CoverState.SENDING.canMoveTo(CoverState.SET)).isTrue();
        assertThat(CoverState.SENDING.canMoveTo(CoverState.REFUSED)).isTrue();
        assertThat(CoverState.PENDING.canMoveTo(CoverState.SET)).isFalse();
        assertThat(CoverState.PENDING.canMoveTo(CoverState.REFUSED)).isFalse();
        assertThat(CoverState.NONE.canMoveTo(CoverState.SENDING)).isFalse();
    }

    @Test
    void aSettledCoverIsNotSentAgainUnlessANewUploadStartsIt() {
        for (CoverState settled : new CoverState[] { CoverState.SET, CoverState.REFUSED }) {
            assertThat(settled.canMoveTo(CoverState.SENDING)).isFalse();
            assertThat(settled.canMoveTo(CoverState.PENDING)).isTrue();
            assertThat(settled.canMoveTo(CoverState.NONE)).isTrue();
        }
    }

    @Test
    void aPublicationRefusesAMoveTheStatesDoNotAllowAndKeepsItsNote() {
        Publication publication = new Publication();
        publication.moveCover(CoverState.PENDING, null);
        publication.moveCover(CoverState.SENDING, null);
        publication.moveCover(CoverState.SET, "YouTube shows the frame");

        assertThatThrownBy(() -> publication.moveCover(CoverState.SENDING, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot go from SET to SENDING");
        assertThat(publication.coverState).isEqualTo(CoverState.SET);
        assertThat(publication.coverNote).isEqualTo("YouTube shows the frame");
    }
}
