package app.herald.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.system.HeraldConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the insight jobs when {@code herald.prediction.jobs} is false (tests run them themselves). */
@ApplicationScoped
public class JobsOff implements Scheduled.SkipPredicate {

    @Inject
    HeraldConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.prediction().jobs();
    }
}
