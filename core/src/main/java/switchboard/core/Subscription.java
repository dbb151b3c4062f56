package switchboard.core;

import switchboard.core.index.Entry;

/**
 * One live (or ended) subscription: its id, owner, spec, the dialect's own data about it, and whether
 * it is still active. Once {@link #isActive()} is false, nothing more is delivered for it.
 */
public final class Subscription {
  private final SubscriptionId id;
  private final Hub.OwnerState ownerState;
  private final SubscriptionSpec spec;
  private final Object attachment;
  private final long createdAt;
  private volatile boolean active = true;
  Entry<Subscription> entry;

  Subscription(SubscriptionId id, Hub.OwnerState ownerState, SubscriptionSpec spec, Object attachment, long createdAt) {
    this.id = id;
    this.ownerState = ownerState;
    this.spec = spec;
    this.attachment = attachment;
    this.createdAt = createdAt;
  }

  public SubscriptionId id() {
    return id;
  }

  public Owner owner() {
    return ownerState.owner;
  }

  Hub.OwnerState ownerState() {
    return ownerState;
  }

  public SubscriptionSpec spec() {
    return spec;
  }

  public String type() {
    return spec.type();
  }

  /** The dialect's own data, given at subscribe time (its id string, options, reply fields ...). */
  public Object attachment() {
    return attachment;
  }

  /** The attachment as the given type. */
  public <T> T attachment(Class<T> type) {
    return type.cast(attachment);
  }

  /** When the subscription was made, in milliseconds since the epoch. */
  public long createdAt() {
    return createdAt;
  }

  public boolean isActive() {
    return active;
  }

  void deactivate() {
    active = false;
  }

  @Override
  public String toString() {
    return "Subscription{" + id + ", " + spec.type() + ", " + spec.topic().text() + (active ? "" : ", ended") + "}";
  }
}
