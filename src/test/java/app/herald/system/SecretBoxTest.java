package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealed platform tokens: they round-trip, and an altered value, another key or another place is refused by name. */
class SecretBoxTest {

    private static final String KEY = "a-test-secret-key-of-at-least-32-characters";
    private static final String CONTEXT = "channel 7 access token";

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void aSealedValueOpensToThePlainTextAndDoesNotContainIt() {
        String token = "ya29.a0AfH6SMC-ünïcode-token";

        String sealed = box.seal(token, CONTEXT);

        assertThat(sealed).startsWith("v1.").doesNotContain(token).doesNotContain("ya29");
        assertThat(box.open(sealed, CONTEXT)).isEqualTo(token);
        assertThat(box.seal(token, CONTEXT)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anAlteredValueIsRefusedAsAltered() {
        String sealed = box.seal("refresh-token", CONTEXT);
        // Not the very last character: in unpadded base64 its low bits are padding the decoder drops, so changing
        // it may change nothing at all.
        int at = sealed.length() - 3;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> box.open(altered, CONTEXT)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("altered or damaged").hasMessageContaining(CONTEXT);
    }

    @Test
    void aFlippedBitInTheMiddleIsRefused() {
        String sealed = box.seal("refresh-token", CONTEXT);
        String[] parts = sealed.split("\\.");
        byte[] data = Base64.getUrlDecoder().decode(parts[2]);
        data[14] ^= 1;
        String altered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(data);

        assertThatThrownBy(() -> box.open(altered, CONTEXT)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("altered or damaged");
    }

    @Test
    void aValueSealedForAnotherPlaceIsRefused() {
        String sealed = box.seal("access-token", "channel 7 access token");

        assertThatThrownBy(() -> box.open(sealed, "channel 8 access token")).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("altered or damaged");
    }

    @Test
    void anotherKeyIsRefusedNamingBothKeyIds() {
        String sealed = box.seal("access-token", CONTEXT);
        SecretBox other = new SecretBox("another-secret-key-of-at-least-32-characters");

        assertThatThrownBy(() -> other.open(sealed, CONTEXT)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("sealed with another key").hasMessageContaining(sealed.split("\\.")[1])
                .hasMessageContaining("HERALD_SECRET_KEY");
    }

    @Test
    void somethingThatWasNeverSealedIsRefused() {
        assertThatThrownBy(() -> box.open("plain-token", CONTEXT)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("not a sealed value");
    }

    @Test
    void aShortKeyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new SecretBox("too-short")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("HERALD_SECRET_KEY is 9 characters long").hasMessageContaining("at least 32");
    }

    @Test
    void withoutAConfiguredKeyTheGeneratedOneIsKeptInTheDataDir(@TempDir Path dataDir) throws IOException {
        String sealed = SecretBox.of(Optional.empty(), dataDir).seal("token", CONTEXT);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(KeyFile.SECRET))))
                .as("readable by the owner only").isEqualTo("rw-------");
        assertThat(SecretBox.of(Optional.of(""), dataDir).open(sealed, CONTEXT)).as("after a restart").isEqualTo("token");
        assertThatThrownBy(() -> SecretBox.of(Optional.of(KEY), dataDir).open(sealed, CONTEXT))
                .hasMessageContaining("sealed with another key");
    }
}
