package switchboard.core;

import switchboard.core.index.Entry;

/**
 * One live (or ended) subscription: its id, owner, spec, the dialect's own data about it, and whether
 * it is still active. Once {@link #isActive()} is false, nothing more is delivered for it.
 *
 * <p>It is also its own entry in the hub's index, so that a subscription is one object: with a million
 * of them, a separate entry, spec and id would cost about a hundred bytes more each.
 */
public final class Subscription extends Entry<Subscription> {
  private final long id;
  private final Hub.OwnerState ownerState;
  private final Object attachment;
  private final long createdAt;

  Subscription(long id, Hub.OwnerState ownerState, SubscriptionSpec spec, Object attachment, long createdAt) {
    super(spec);
    this.id = id;
    this.ownerState = ownerState;
    this.attachment = attachment;
    this.createdAt = createdAt;
  }

  @Override
  public Subscription value() {
    return this;
  }

  public SubscriptionId id() {
    return new SubscriptionId(id);
  }

  long idValue() {
    return id;
  }

  public Owner owner() {
    return ownerState.owner;
  }

  Hub.OwnerState ownerState() {
    return ownerState;
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

  /** False once it has been unsubscribed (by any means), or its owner released. */
  public boolean isActive() {
    return !isRemoved();
  }

  @Override
  public String toString() {
    return "Subscription{" + id + ", " + type() + ", " + topicText() + (isActive() ? "" : ", ended") + "}";
  }
}
