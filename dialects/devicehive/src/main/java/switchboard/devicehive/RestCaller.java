package switchboard.devicehive;

import java.util.concurrent.Executor;
import switchboard.devicehive.auth.Principal;

/** One REST request as an operation's caller: its bearer token's principal (or null), its event loop, its Host. */
record RestCaller(Principal principal, Executor executor, String host) implements Caller {}
