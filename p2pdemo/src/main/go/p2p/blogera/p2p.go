// The go-ipfs `p2p` listener as it was around go-ipfs 0.4.14 (the "blog-era"
// code), written in the Go subset GMP Lab runs. The subset compiles one file of
// package main, so the files of go-ipfs appear here as sections:
//
//	p2p/p2p.go            P2P, Dial, P2PListener, NewListener, acceptStreams, CheckProtoExists
//	p2p/registry.go       ListenerInfo, ListenerRegistry, StreamInfo, StreamRegistry
//	core/commands/p2p.go  the `ipfs p2p` commands (today's command surface)
//	main                  the daemon: its API answers one request per goroutine
//
// The known bugs of this version are kept on purpose (see fixed/p2p.go):
//   - ListenerInfo.Running is set to true and never cleared, and it is a plain bool;
//   - the registries are slices nobody locks, and `close -a` ranges over the
//     slice while Close removes elements from it, so it skips every other listener;
//   - Dial forwards only the first TCP connection, then closes its listener
//     (while `ls` keeps showing it, Running still true);
//   - acceptStreams dials the target inside the accept loop, one stream at a time.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	net "github.com/libp2p/go-libp2p-net"
	p2phost "github.com/libp2p/go-libp2p-host"
	peer "github.com/libp2p/go-libp2p-peer"
	pro "github.com/libp2p/go-libp2p-protocol"
	ma "github.com/multiformats/go-multiaddr"
	manet "github.com/multiformats/go-multiaddr-net"

	"gmplab/p2p/node"
)

// ============================================================ p2p/p2p.go

// P2P structure holds information on currently running streams/listeners
type P2P struct {
	Listeners ListenerRegistry
	Streams   StreamRegistry

	identity peer.ID
	peerHost p2phost.Host
}

// NewP2P creates new P2P struct
func NewP2P(identity peer.ID, peerHost p2phost.Host) *P2P {
	return &P2P{
		identity: identity,
		peerHost: peerHost,
	}
}

// newStreamTo opens a stream to peer p. (go-ipfs also connected first, with a
// 30 s timeout; the simulated host dials on NewStream.)
func (p2p *P2P) newStreamTo(ctx context.Context, p peer.ID, protocol string) (net.Stream, error) {
	return p2p.peerHost.NewStream(ctx, p, pro.ID(protocol))
}

// Dial creates new P2P stream to a remote listener
func (p2p *P2P) Dial(ctx context.Context, p peer.ID, proto string, bindAddr ma.Multiaddr) (*ListenerInfo, error) {
	lnet, _, err := manet.DialArgs(bindAddr)
	if err != nil {
		return nil, err
	}

	listenerInfo := ListenerInfo{
		Identity: p2p.identity,
		Protocol: proto,
		Target:   "/ipfs/" + p.Pretty(),
		Registry: &p2p.Listeners,
	}

	// the stream is opened once, before any local connection exists
	remote, err := p2p.newStreamTo(ctx, p, proto)
	if err != nil {
		return nil, err
	}

	switch lnet {
	case "tcp", "tcp4", "tcp6":
		listener, err := manet.Listen(bindAddr)
		if err != nil {
			if err2 := remote.Reset(); err2 != nil {
				return nil, err2
			}
			return nil, err
		}

		listenerInfo.Address = listener.Multiaddr()
		listenerInfo.Closer = listener
		listenerInfo.Running = true

		go p2p.doAccept(&listenerInfo, remote, listener)

	default:
		return nil, errors.New("unsupported protocol: " + lnet)
	}

	return &listenerInfo, nil
}

// doAccept accepts ONE local connection, bridges it to the stream opened by
// Dial, and closes the listener: every later connection is refused.
func (p2p *P2P) doAccept(listenerInfo *ListenerInfo, remote net.Stream, listener manet.Listener) {
	defer listener.Close()

	local, err := listener.Accept()
	if err != nil {
		return
	}

	stream := StreamInfo{
		Protocol: listenerInfo.Protocol,

		LocalPeer: listenerInfo.Identity,
		LocalAddr: listenerInfo.Address,

		RemotePeer: remote.Conn().RemotePeer(),
		RemoteAddr: remote.Conn().RemoteMultiaddr(),

		Local:  local,
		Remote: remote,

		Registry: &p2p.Streams,
	}

	p2p.Streams.Register(&stream)
	stream.startStreaming()
}

// Listener wraps stream handler into a listener
type Listener interface {
	Accept() (net.Stream, error)
	Close() error
}

// P2PListener holds information on a listener
type P2PListener struct {
	peerHost p2phost.Host
	conCh    chan net.Stream
	proto    pro.ID
	ctx      context.Context
	cancel   func()
}

// Accept waits for a connection from the listener
func (il *P2PListener) Accept() (net.Stream, error) {
	select {
	case c := <-il.conCh:
		return c, nil
	case <-il.ctx.Done():
		return nil, il.ctx.Err()
	}
}

// Close closes the listener and removes stream handler
func (il *P2PListener) Close() error {
	il.cancel()
	il.peerHost.RemoveStreamHandler(il.proto)
	return nil
}

// registerStreamHandler creates a new P2PListener: the host's handler runs in
// the goroutine libp2p starts for each incoming stream and hands the stream to
// the accept loop over conCh (or resets it once the listener is closed).
func (p2p *P2P) registerStreamHandler(ctx2 context.Context, protocol string) (*P2PListener, error) {
	ctx, cancel := context.WithCancel(ctx2)

	list := &P2PListener{
		peerHost: p2p.peerHost,
		proto:    pro.ID(protocol),
		conCh:    make(chan net.Stream),
		ctx:      ctx,
		cancel:   cancel,
	}

	p2p.peerHost.SetStreamHandler(list.proto, func(s net.Stream) {
		select {
		case list.conCh <- s:
		case <-ctx.Done():
			s.Reset()
		}
	})

	return list, nil
}

// NewListener creates new p2p listener
func (p2p *P2P) NewListener(ctx context.Context, proto string, addr ma.Multiaddr, reportPeerID bool) (*ListenerInfo, error) {
	listener, err := p2p.registerStreamHandler(ctx, proto)
	if err != nil {
		return nil, err
	}

	listenerInfo := ListenerInfo{
		Identity:     p2p.identity,
		Protocol:     proto,
		Address:      addr,
		Target:       addr.String(),
		Closer:       listener,
		Running:      true,
		Registry:     &p2p.Listeners,
		reportPeerID: reportPeerID,
	}

	go p2p.acceptStreams(&listenerInfo, listener)

	p2p.Listeners.Register(&listenerInfo)

	return &listenerInfo, nil
}

// acceptStreams loops while Running -- which nobody ever sets to false. It
// stops only when Accept fails (the listener's context was cancelled).
func (p2p *P2P) acceptStreams(listenerInfo *ListenerInfo, listener Listener) {
	for listenerInfo.Running {
		remote, err := listener.Accept()
		if err != nil {
			listener.Close()
			break
		}

		// dialled here, in the accept loop: a slow target holds up every stream
		local, err := manet.Dial(listenerInfo.Address)
		if err != nil {
			remote.Reset()
			continue
		}

		if listenerInfo.reportPeerID {
			local.Write([]byte(remote.Conn().RemotePeer().Pretty() + "\n"))
		}

		stream := StreamInfo{
			Protocol: listenerInfo.Protocol,

			LocalPeer: listenerInfo.Identity,
			LocalAddr: listenerInfo.Address,

			RemotePeer: remote.Conn().RemotePeer(),
			RemoteAddr: remote.Conn().RemoteMultiaddr(),

			Local:  local,
			Remote: remote,

			Registry: &p2p.Streams,
		}

		p2p.Streams.Register(&stream)
		stream.startStreaming()
	}
	p2p.Listeners.Deregister(listenerInfo.Protocol)
}

// CheckProtoExists checks whether a protocol handler is registered to
// mux handler
func (p2p *P2P) CheckProtoExists(proto string) bool {
	protos := p2p.peerHost.Mux().Protocols()

	for _, p := range protos {
		if p != proto {
			continue
		}
		return true
	}
	return false
}

// ============================================================ p2p/registry.go

// ListenerInfo holds information on a p2p listener.
type ListenerInfo struct {
	// Application protocol identifier.
	Protocol string

	// Node identity
	Identity peer.ID

	// Local protocol stream address.
	Address ma.Multiaddr

	// Where connections go: the target address, or the remote peer of a Dial.
	Target string

	// Local protocol stream listener.
	Closer io.Closer

	// Flag indicating whether we're still accepting incoming connections, or
	// whether this application listener has been shutdown.
	Running bool

	Registry *ListenerRegistry

	reportPeerID bool
}

// Close closes the listener. Does not affect child streams
func (c *ListenerInfo) Close() error {
	c.Closer.Close()
	err := c.Registry.Deregister(c.Protocol)
	return err
}

// ListenerRegistry is a collection of local application protocol listeners.
type ListenerRegistry struct {
	Listeners []*ListenerInfo
}

// Register registers listenerInfo in this registry
func (c *ListenerRegistry) Register(listenerInfo *ListenerInfo) {
	c.Listeners = append(c.Listeners, listenerInfo)
}

// Deregister removes p2p listener from this registry
func (c *ListenerRegistry) Deregister(proto string) error {
	foundAt := -1
	for i, a := range c.Listeners {
		if a.Protocol == proto {
			foundAt = i
			break
		}
	}

	if foundAt != -1 {
		c.Listeners = append(c.Listeners[:foundAt], c.Listeners[foundAt+1:]...)
		return nil
	}

	return fmt.Errorf("failed to deregister proto %s", proto)
}

// StreamInfo holds information on active incoming and outgoing p2p streams.
type StreamInfo struct {
	HandlerID uint64

	Protocol string

	LocalPeer peer.ID
	LocalAddr ma.Multiaddr

	RemotePeer peer.ID
	RemoteAddr ma.Multiaddr

	Local  manet.Conn
	Remote net.Stream

	Registry *StreamRegistry
}

// Close closes stream endpoints and deregisters it
func (s *StreamInfo) Close() error {
	s.Local.Close()
	s.Remote.Close()
	s.Registry.Deregister(s.HandlerID)
	return nil
}

// Reset closes stream endpoints and deregisters it
func (s *StreamInfo) Reset() error {
	s.Local.Close()
	s.Remote.Reset()
	s.Registry.Deregister(s.HandlerID)
	return nil
}

func (s *StreamInfo) startStreaming() {
	go func() {
		_, err := ioCopy(s.Local, s.Remote)
		if err != nil {
			s.Reset()
		} else {
			s.Close()
		}
	}()

	go func() {
		_, err := ioCopy(s.Remote, s.Local)
		if err != nil {
			s.Reset()
		} else {
			s.Close()
		}
	}()
}

// StreamRegistry is a collection of active incoming and outgoing protocol app streams.
type StreamRegistry struct {
	Streams []*StreamInfo

	nextID uint64
}

// Register registers a stream to the registry
func (c *StreamRegistry) Register(streamInfo *StreamInfo) {
	streamInfo.HandlerID = c.nextID
	c.Streams = append(c.Streams, streamInfo)
	c.nextID++
}

// Deregister deregisters stream from the registry
func (c *StreamRegistry) Deregister(handlerID uint64) {
	foundAt := -1
	for i, s := range c.Streams {
		if s.HandlerID == handlerID {
			foundAt = i
			break
		}
	}

	if foundAt != -1 {
		c.Streams = append(c.Streams[:foundAt], c.Streams[foundAt+1:]...)
	}
}

// ioCopy is io.Copy: the subset's io package has the interfaces, not Copy.
func ioCopy(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, 4096)
	var written int64
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			written += int64(nw)
			if ew != nil {
				return written, ew
			}
		}
		if er == io.EOF {
			return written, nil
		}
		if er != nil {
			return written, er
		}
	}
}

// ============================================================ core/commands/p2p.go

// P2PProtoPrefix is the required prefix for protocol names
const P2PProtoPrefix = "/x/"

func p2pListen(ctx context.Context, p2p *P2P, req *node.Request) (string, error) {
	args := req.Arguments()
	if len(args) != 2 {
		return "", errors.New("usage: p2p listen <protocol> <target-address>")
	}
	proto := args[0]
	target, err := ma.NewMultiaddr(args[1])
	if err != nil {
		return "", err
	}
	if err := checkPort(target); err != nil {
		return "", err
	}
	if !req.BoolOption("allow-custom-protocol") && !strings.HasPrefix(proto, P2PProtoPrefix) {
		return "", errors.New("protocol name must be within '" + P2PProtoPrefix + "' namespace")
	}
	if p2p.CheckProtoExists(proto) {
		return "", errors.New("protocol handler already registered")
	}
	_, err = p2p.NewListener(ctx, proto, target, req.BoolOption("report-peer-id"))
	return "", err
}

func p2pForward(ctx context.Context, p2p *P2P, req *node.Request) (string, error) {
	args := req.Arguments()
	if len(args) != 3 {
		return "", errors.New("usage: p2p forward <protocol> <listen-address> <target-address>")
	}
	proto := args[0]
	listen, err := ma.NewMultiaddr(args[1])
	if err != nil {
		return "", err
	}
	target, err := parseIpfsAddr(args[2])
	if err != nil {
		return "", err
	}
	// like kubo's forwardLocal: remember where the peer can be reached
	targetAddr, _ := ma.NewMultiaddr(args[2])
	node.AddAddrs(target, targetAddr)
	if !req.BoolOption("allow-custom-protocol") && !strings.HasPrefix(proto, P2PProtoPrefix) {
		return "", errors.New("protocol name must be within '" + P2PProtoPrefix + "' namespace")
	}
	listenerInfo, err := p2p.Dial(ctx, target, proto, listen)
	if err != nil {
		return "", err
	}
	// registered like a listener, so `ls` and `close` see it (and keep seeing
	// it after doAccept closed its socket: Running stays true)
	p2p.Listeners.Register(listenerInfo)
	return "", nil
}

// parseIpfsAddr takes the peer id out of /p2p/<id> or /ip4/.../p2p/<id>.
func parseIpfsAddr(addr string) (peer.ID, error) {
	m, err := ma.NewMultiaddr(addr)
	if err != nil {
		return "", err
	}
	id, err := m.ValueForProtocol(ma.P_P2P)
	if err != nil {
		return "", errors.New("invalid p2p multiaddr")
	}
	return peer.IDB58Decode(id)
}

// checkPort checks whether target multiaddr contains tcp or udp protocol
// and whether the port is equal to 0
func checkPort(target ma.Multiaddr) error {
	sport, _ := target.ValueForProtocol(ma.P_TCP)
	if sport == "" {
		sport, _ = target.ValueForProtocol(ma.P_UDP)
	}
	if sport == "" {
		return fmt.Errorf("address does not contain tcp or udp protocol")
	}
	port, err := strconv.Atoi(sport)
	if err != nil {
		return err
	}
	if port == 0 {
		return fmt.Errorf("port can not be 0")
	}
	return nil
}

func p2pLs(p2p *P2P, req *node.Request) (string, error) {
	out := ""
	for _, listener := range p2p.Listeners.Listeners {
		if req.BoolOption("headers") {
			out += "Protocol\tListen Address\tTarget Address\n"
		}
		out += fmt.Sprintf("%s\t%s\t%s\n", listener.Protocol, listener.Address.String(), listener.Target)
	}
	return out, nil
}

// p2pClose is the blog-era loop: it ranges over the registry's slice while
// ListenerInfo.Close removes entries from that very slice.
func p2pClose(p2p *P2P, req *node.Request) (string, error) {
	closeAll := req.BoolOption("all")
	proto, p := req.Option("protocol")
	_, l := req.Option("listen-address")
	_, t := req.Option("target-address")
	if !(closeAll || p || l || t) {
		return "", errors.New("no matching options given")
	}
	if closeAll && (p || l || t) {
		return "", errors.New("can't combine --all with other matching options")
	}
	if l || t {
		return "", errors.New("not supported by the blog-era code: close by address")
	}

	done := 0
	for _, listener := range p2p.Listeners.Listeners {
		if !closeAll && listener.Protocol != proto {
			continue
		}
		listener.Close()
		done++
		if !closeAll {
			break
		}
	}
	return fmt.Sprintf("Closed %d stream(s)\n", done), nil
}

func p2pStreamLs(p2p *P2P, req *node.Request) (string, error) {
	out := ""
	for _, s := range p2p.Streams.Streams {
		if req.BoolOption("headers") {
			out += "HandlerID\tProtocol\tLocal\tRemote\n"
		}
		out += fmt.Sprintf("%d\t%s\t%s\t%s\n", s.HandlerID, s.Protocol, s.LocalAddr.String(), s.RemoteAddr.String()+"/ipfs/"+s.RemotePeer.Pretty())
	}
	return out, nil
}

func p2pStreamClose(p2p *P2P, req *node.Request) (string, error) {
	closeAll := req.BoolOption("all")
	var handlerID uint64
	if !closeAll {
		args := req.Arguments()
		if len(args) == 0 {
			return "", errors.New("no id specified")
		}
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return "", err
		}
		handlerID = uint64(id)
	}
	for _, stream := range p2p.Streams.Streams {
		if !closeAll && handlerID != stream.HandlerID {
			continue
		}
		stream.Reset()
		if !closeAll {
			break
		}
	}
	return "", nil
}

// ============================================================ main: the daemon

func serve(ctx context.Context, p2p *P2P, req *node.Request) {
	var out string
	var err error
	switch req.Command() {
	case "listen":
		out, err = p2pListen(ctx, p2p, req)
	case "forward":
		out, err = p2pForward(ctx, p2p, req)
	case "ls":
		out, err = p2pLs(p2p, req)
	case "close":
		out, err = p2pClose(p2p, req)
	case "stream ls":
		out, err = p2pStreamLs(p2p, req)
	case "stream close":
		out, err = p2pStreamClose(p2p, req)
	default:
		err = fmt.Errorf("unknown command %q", req.Command())
	}
	if err != nil {
		req.SetError(err)
		return
	}
	req.Respond(out)
}

// ipfsNode is the running daemon: kubo's core.IpfsNode, of which this program
// needs only the P2P field that every `ipfs p2p` command reaches. It is
// package-level so that a debugger (GMP Lab's P2P pane) finds the registries.
var ipfsNode struct {
	P2P *P2P
}

func main() {
	ctx := context.Background()
	p2p := NewP2P(node.Identity(), node.PeerHost())
	ipfsNode.P2P = p2p
	for {
		req, ok := node.NextRequest()
		if !ok {
			break
		}
		go serve(ctx, p2p, req)
	}
}
