package app.herald.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContentStateTest {

    @Test
    void reviewOutcomesOnlyFromSubmitted() {
        for (ContentState state : ContentState.values()) {
            boolean submitted = state == ContentState.SUBMITTED;
            // Unscheduling returns approved content to APPROVED without a new review.
            assertThat(state.canMoveTo(ContentState.APPROVED)).as(state + "→APPROVED")
                    .isEqualTo(submitted || state == ContentState.SCHEDULED);
            assertThat(state.canMoveTo(ContentState.REJECTED)).as(state + "→REJECTED").isEqualTo(submitted);
            assertThat(state.canMoveTo(ContentState.CHANGES_REQUESTED)).as(state + "→CHANGES_REQUESTED").isEqualTo(submitted);
        }
    }

    @Test
    void finalStatesGoNowhere() {
        for (ContentState target : ContentState.values()) {
            assertThat(ContentState.REJECTED.canMoveTo(target)).isFalse();
            assertThat(ContentState.PUBLISHED.canMoveTo(target)).isFalse();
        }
    }

    @Test
    void theDocumentedPathsExist() {
        assertThat(ContentState.DRAFT.canMoveTo(ContentState.SUBMITTED)).isTrue();
        assertThat(ContentState.CHANGES_REQUESTED.canMoveTo(ContentState.SUBMITTED)).isTrue();
        assertThat(ContentState.APPROVED.canMoveTo(ContentState.SUBMITTED)).as("edit after approval").isTrue();
        assertThat(ContentState.APPROVED.canMoveTo(ContentState.SCHEDULED)).isTrue();
        assertThat(ContentState.SCHEDULED.canMoveTo(ContentState.PUBLISHING)).isTrue();
        Set<ContentState> afterPublishing = EnumSet.noneOf(ContentState.class);
        for (ContentState target : ContentState.values()) {
            if (ContentState.PUBLISHING.canMoveTo(target)) {
                afterPublishing.add(target);
            }
        }
        assertThat(afterPublishing).containsExactlyInAnyOrder(ContentState.PUBLISHED, ContentState.PARTIALLY_PUBLISHED,
                ContentState.FAILED);
        assertThat(ContentState.DRAFT.canMoveTo(ContentState.APPROVED)).isFalse();
        assertThat(ContentState.DRAFT.canMoveTo(ContentState.PUBLISHING)).isFalse();
    }
}
