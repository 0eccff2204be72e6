package app.herald.platform;

/** One way content breaks a platform's spec; the message names the platform, the limit and the actual value. */
public record SpecViolation(Platform platform, String field, String message) {
}
