/**
 * A small, spec-conformant libp2p stack that interoperates with js-libp2p.
 *
 * <h2>Layers, bottom up (one package each)</h2>
 * <pre>
 *   multiformats  uvarint, base58/base32, multihash, PeerId, Multiaddr
 *   crypto        PublicKey protobuf, Ed25519, Identity
 *   multistream   multistream-select 1.0.0: framing + a sans-I/O negotiator
 *   noise         Noise XX + the libp2p handshake payload; ChaChaPoly
 *   yamux         frames, parser, session, blocking streams with flow control
 *   host          Host / Connection / Stream and the Netty pipeline
 * </pre>
 * Everything below {@code host} is sans-I/O: byte arrays in, byte arrays
 * out, so each piece is tested with the checklist's vectors and fuzzed on its
 * own. Only {@code host} touches sockets.
 *
 * <h2>A connection's life (host.UpgradeHandler → MuxerSelectHandler → YamuxHandler)</h2>
 * <ol>
 * <li>TCP connect/accept. The dialer is the mss initiator, the Noise
 *     initiator and the yamux client (odd stream ids).</li>
 * <li>multistream-select {@code /noise} in clear text; bytes behind the last
 *     message are kept for the next layer.</li>
 * <li>Noise XX, three {@code u16be}-framed messages; the payload proves the
 *     Ed25519 identity and may list stream muxers (early muxer, option A).</li>
 * <li>If both offered muxers, yamux starts at once; otherwise mss
 *     {@code /yamux/1.0.0} runs inside Noise.</li>
 * <li>yamux: each inbound stream is negotiated (mss responder) and handed to
 *     its {@code StreamHandler} on a stream thread.</li>
 * </ol>
 *
 * <h2>Threads</h2>
 * Netty I/O threads parse, decrypt and dispatch frames and never block.
 * Stream handlers and user code block on {@code Stream.read}/{@code write};
 * a writer encrypts its own frames (in nonce order, under the connection's
 * send lock) and the I/O thread only writes them out. Observers get
 * {@code HostEvent}s and per-stream readiness callbacks on I/O threads.
 *
 * <h2>Errors</h2>
 * Every decoder and handshake step throws a subclass of
 * {@link gmplab.p2p.libp2p.Libp2pException}; a connection that breaks the
 * protocol is closed (yamux: GoAway(1) first) and the host keeps serving.
 */
package gmplab.p2p.libp2p;
