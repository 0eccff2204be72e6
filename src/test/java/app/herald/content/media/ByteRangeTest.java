package app.herald.content.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void aRangeIsClippedToTheFile() throws Exception {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=0-99", 1000).orElseThrow().contentRange(1000)).isEqualTo("bytes 0-99/1000");
        assertThat(ByteRange.parse("bytes=0-99", 1000).orElseThrow().length()).isEqualTo(100);
    }

    @Test
    void whatAServerMayIgnoreMeansTheWholeFile() throws Exception {
        for (String header : new String[] { null, "", "items=0-9", "bytes=0-9,20-29", "bytes=9-3", "bytes=-", "bytes=a-b" }) {
            assertThat(ByteRange.parse(header, 1000)).as(String.valueOf(header)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aRangeOutsideTheFileCannotBeSatisfied() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=99999999999999999999-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
