package gmplab.p2p.libp2p.host;

/**
 * What a {@link Host} reports to its {@link HostListener}s. Immutable; the
 * referenced connection or stream is live and may have changed since.
 */
public sealed interface HostEvent {
    /** A connection finished its upgrade (security and muxer are ready). */
    record ConnectionOpened(Connection connection) implements HostEvent {
    }

    /** A connection closed; {@code reason} is null for an orderly close. */
    record ConnectionClosed(Connection connection, String reason) implements HostEvent {
    }

    /** A stream finished protocol negotiation (in either direction). */
    record StreamOpened(Stream stream) implements HostEvent {
    }

    /** A stream is done: both sides closed it, it was reset, or its connection went away. */
    record StreamClosed(Stream stream) implements HostEvent {
    }
}
