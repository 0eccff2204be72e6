package app.herald.dispatch;

import app.herald.calendar.PublicationStatus;

/**
 * Fired (synchronously) after each dispatch step's result is committed, before the next network step: metrics count
 * it, and a test may stop the worker here exactly as a crash would.
 */
public record StepCommitted(long publicationId, String instance, PublicationStatus status, String outcome) {
}
