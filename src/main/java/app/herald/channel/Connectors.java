package app.herald.channel;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the connector that publishes to a channel; a platform without one yet is simply not dispatched. */
@ApplicationScoped
public class Connectors {

    @Inject
    @Any
    Instance<Connector> all;

    public Optional<Connector> forChannel(ChannelRef channel) {
        return all.stream().filter(connector -> connector.serves(channel)).findFirst();
    }
}
