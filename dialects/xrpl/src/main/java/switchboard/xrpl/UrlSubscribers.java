package switchboard.xrpl;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The admin {@code url} callbacks, one {@link UrlSubscriber} per URL: created by the first subscribe
 * naming it, removed once an unsubscribe leaves it nothing. Requests come from every event loop, so
 * each method holds this object's lock.
 */
final class UrlSubscribers implements AutoCloseable {
  private final Subscriptions subscriptions;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<URI, UrlSubscriber> byUrl = new HashMap<>();

  UrlSubscribers(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  synchronized void subscribe(SubscriptionRequest r, int apiVersion) {
    UrlSubscriber s = byUrl.computeIfAbsent(r.url().url(), u -> new UrlSubscriber(u, http));
    s.credentials(r.url().username(), r.url().password());
    s.apiVersion = apiVersion;
    subscriptions.subscribe(s, s.holdings, r);
  }

  synchronized void unsubscribe(SubscriptionRequest r) {
    UrlSubscriber s = byUrl.get(r.url().url());
    if (s == null) {
      return; // never registered: rippled answers success
    }
    subscriptions.unsubscribe(s, s.holdings, r);
    if (s.holdings.isEmpty()) {
      byUrl.remove(s.url);
      s.close();
    }
  }

  synchronized int count() {
    return byUrl.size();
  }

  @Override
  public synchronized void close() {
    byUrl.values().forEach(UrlSubscriber::close);
    byUrl.clear();
  }
}
