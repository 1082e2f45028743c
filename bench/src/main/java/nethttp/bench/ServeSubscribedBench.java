package nethttp.bench;

import nethttp.event.EventBus;

/** {@link ServeBench} with one subscriber that counts every event, as a watcher would receive them. */
public class ServeSubscribedBench extends ServeBench {
    @Override
    protected void configure(EventBus bus) {
        bus.subscribe(e -> events++);
    }
}
