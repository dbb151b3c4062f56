package switchboard.devicehive;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscription ids as DeviceHive makes them (§4): about {@code epochMillis * 1000}, so they look
 * alike and stay below 2^53 (safe in JavaScript). Unlike DeviceHive's generator they never repeat:
 * each id is above the last. Thread-safe.
 */
final class SubscriptionIds {
  private final AtomicLong last = new AtomicLong();

  long next() {
    long now = System.currentTimeMillis() * 1000;
    return last.updateAndGet(prev -> Math.max(prev + 1, now));
  }
}
