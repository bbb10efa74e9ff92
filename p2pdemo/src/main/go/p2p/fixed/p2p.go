// The kubo `p2p` listener with the blog-era bugs fixed, written in the Go
// subset GMP Lab runs, side by side with blogera/p2p.go. It keeps the
// P2PListener (conCh, ctx, cancel) so the two versions schedule alike, and
// takes the fixes of kubo's later refactor (p2p/listener.go, local.go,
// remote.go, stream.go):
//   - the registries are maps under a sync.RWMutex; Register refuses a
//     duplicate ("listener already registered"), atomically with the check;
//   - Close(match) removes the matching listeners under the lock, then closes
//     them, and returns how many it closed;
//   - `forward` accepts every TCP connection and opens a new stream for each,
//     in a goroutine per connection (setupStream);
//   - `listen` hands each stream to a goroutine of its own (handleStream), so
//     a slow target no longer holds up the accept loop;
//   - closing a listener cancels its context: Accept returns, the accept loop
//     exits, and the handler resets streams that arrive afterwards.
// The subset compiles one file of package main, so kubo's files are sections.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

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
	Listeners *Listeners
	Streams   *StreamRegistry

	identity peer.ID
	peerHost p2phost.Host
}

// NewP2P creates new P2P struct
func NewP2P(identity peer.ID, peerHost p2phost.Host) *P2P {
	return &P2P{
		identity: identity,
		peerHost: peerHost,

		Listeners: &Listeners{
			Listeners: map[string]Listener{},
		},
		Streams: &StreamRegistry{
			Streams: map[uint64]*Stream{},
		},
	}
}

// CheckProtoExists checks whether a proto handler is registered to
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

// ============================================================ p2p/listener.go

// Listener listens for connections and proxies them to a target
type Listener interface {
	Protocol() string
	ListenAddress() string
	TargetAddress() string

	key() string

	// close closes the listener. Does not affect child streams
	close()
}

// Listeners manages a group of Listener implementations,
// checking for conflicts and optionally dispatching connections
type Listeners struct {
	lk sync.RWMutex

	Listeners map[string]Listener
}

// Register registers listenerInfo into this registry
func (r *Listeners) Register(l Listener) error {
	r.lk.Lock()
	defer r.lk.Unlock()

	if _, ok := r.Listeners[l.key()]; ok {
		return errors.New("listener already registered")
	}

	r.Listeners[l.key()] = l
	return nil
}

// Close closes the listeners matchFunc accepts and returns how many.
func (r *Listeners) Close(matchFunc func(listener Listener) bool) int {
	todo := make([]Listener, 0)
	r.lk.Lock()
	for _, l := range r.Listeners {
		if !matchFunc(l) {
			continue
		}

		if _, ok := r.Listeners[l.key()]; ok {
			delete(r.Listeners, l.key())
			todo = append(todo, l)
		}
	}
	r.lk.Unlock()

	for _, l := range todo {
		l.close()
	}

	return len(todo)
}

// ============================================================ p2p/remote.go (`p2p listen`)

// P2PListener turns the host's stream handler into something to Accept from.
type P2PListener struct {
	peerHost p2phost.Host
	conCh    chan net.Stream
	proto    pro.ID
	ctx      context.Context
	cancel   func()
}

// Accept waits for a stream from the handler, or for the listener to close.
func (il *P2PListener) Accept() (net.Stream, error) {
	select {
	case c := <-il.conCh:
		return c, nil
	case <-il.ctx.Done():
		return nil, il.ctx.Err()
	}
}

// Close cancels the listener's context and removes the stream handler.
func (il *P2PListener) Close() error {
	il.cancel()
	il.peerHost.RemoveStreamHandler(il.proto)
	return nil
}

// registerStreamHandler creates a P2PListener: the host runs the handler in
// the goroutine it starts for each incoming stream; the handler gives the
// stream to the accept loop, or resets it once the listener is closed.
func (p2p *P2P) registerStreamHandler(ctx2 context.Context, protocol string) *P2PListener {
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

	return list
}

// remoteListener accepts libp2p streams and proxies them to a manet host
type remoteListener struct {
	p2p *P2P

	// Application proto identifier.
	proto string

	// Address to proxy the incoming connections to
	addr ma.Multiaddr

	// reportRemote writes the remote peer id to the target first
	reportRemote bool

	listener *P2PListener
}

// ForwardRemote creates new p2p listener
func (p2p *P2P) ForwardRemote(ctx context.Context, proto string, addr ma.Multiaddr, reportRemote bool) (Listener, error) {
	listener := &remoteListener{
		p2p:          p2p,
		proto:        proto,
		addr:         addr,
		reportRemote: reportRemote,
	}

	// registered first: a duplicate is refused before any handler is touched
	if err := p2p.Listeners.Register(listener); err != nil {
		return nil, err
	}

	listener.listener = p2p.registerStreamHandler(ctx, proto)
	go listener.acceptStreams()

	return listener, nil
}

// acceptStreams hands every stream to a goroutine of its own and exits when
// the listener is closed.
func (l *remoteListener) acceptStreams() {
	for {
		remote, err := l.listener.Accept()
		if err != nil {
			return
		}
		go l.handleStream(remote)
	}
}

func (l *remoteListener) handleStream(remote net.Stream) {
	local, err := manet.Dial(l.addr)
	if err != nil {
		remote.Reset()
		return
	}

	remotePeer := remote.Conn().RemotePeer()

	if l.reportRemote {
		if _, err := local.Write([]byte(remotePeer.Pretty() + "\n")); err != nil {
			remote.Reset()
			return
		}
	}

	stream := &Stream{
		Protocol: l.proto,

		OriginAddr: "/p2p/" + remotePeer.Pretty(),
		TargetAddr: l.addr.String(),
		peer:       remotePeer,

		Local:  local,
		Remote: remote,

		Registry: l.p2p.Streams,
	}

	l.p2p.Streams.Register(stream)
}

func (l *remoteListener) Protocol() string {
	return l.proto
}

func (l *remoteListener) ListenAddress() string {
	return "/p2p/" + l.p2p.identity.Pretty()
}

func (l *remoteListener) TargetAddress() string {
	return l.addr.String()
}

func (l *remoteListener) close() {
	l.listener.Close()
}

func (l *remoteListener) key() string {
	return l.proto
}

// ============================================================ p2p/local.go (`p2p forward`)

// localListener accepts local TCP connections and proxies them to a libp2p service
type localListener struct {
	ctx context.Context

	p2p *P2P

	proto string
	laddr ma.Multiaddr
	peer  peer.ID

	listener manet.Listener
}

// ForwardLocal creates new P2P stream to a remote listener
func (p2p *P2P) ForwardLocal(ctx context.Context, p peer.ID, proto string, bindAddr ma.Multiaddr) (Listener, error) {
	listener := &localListener{
		ctx:   ctx,
		p2p:   p2p,
		proto: proto,
		peer:  p,
	}

	maListener, err := manet.Listen(bindAddr)
	if err != nil {
		return nil, err
	}

	listener.listener = maListener
	listener.laddr = maListener.Multiaddr()

	if err := p2p.Listeners.Register(listener); err != nil {
		maListener.Close()
		return nil, err
	}

	go listener.acceptConns()

	return listener, nil
}

func (l *localListener) dial(ctx context.Context) (net.Stream, error) {
	return l.p2p.peerHost.NewStream(ctx, l.peer, pro.ID(l.proto))
}

// acceptConns forwards every connection, each in a goroutine of its own.
func (l *localListener) acceptConns() {
	for {
		local, err := l.listener.Accept()
		if err != nil {
			return
		}

		go l.setupStream(local)
	}
}

func (l *localListener) setupStream(local manet.Conn) {
	remote, err := l.dial(l.ctx)
	if err != nil {
		local.Close()
		return
	}

	stream := &Stream{
		Protocol: l.proto,

		OriginAddr: local.RemoteMultiaddr().String(),
		TargetAddr: l.TargetAddress(),
		peer:       l.peer,

		Local:  local,
		Remote: remote,

		Registry: l.p2p.Streams,
	}

	l.p2p.Streams.Register(stream)
}

func (l *localListener) close() {
	l.listener.Close()
}

func (l *localListener) Protocol() string {
	return l.proto
}

func (l *localListener) ListenAddress() string {
	return l.laddr.String()
}

func (l *localListener) TargetAddress() string {
	return "/p2p/" + l.peer.Pretty()
}

func (l *localListener) key() string {
	return l.ListenAddress()
}

// ============================================================ p2p/stream.go

// Stream holds information on active incoming and outgoing p2p streams.
type Stream struct {
	id uint64

	Protocol string

	OriginAddr string
	TargetAddr string
	peer       peer.ID

	Local  manet.Conn
	Remote net.Stream

	Registry *StreamRegistry

	// directions finished (guarded by Registry.lk)
	halves int
}

// close stream endpoints and deregister it
func (s *Stream) close() error {
	s.Registry.Close(s)
	return nil
}

// reset closes stream endpoints and deregisters it
func (s *Stream) reset() error {
	s.Registry.Reset(s)
	return nil
}

// startStreaming bridges the two ends, one goroutine per direction. At EOF a
// direction half-closes its writer, so the other direction still delivers
// (an echo's reply arrives after the request's EOF); when both are done, the
// stream is closed and deregistered.
func (s *Stream) startStreaming() {
	go func() {
		_, err := ioCopy(s.Local, s.Remote)
		if err != nil {
			s.reset()
			return
		}
		s.Local.CloseWrite()
		s.halfDone()
	}()

	go func() {
		_, err := ioCopy(s.Remote, s.Local)
		if err != nil {
			s.reset()
			return
		}
		s.Remote.CloseWrite()
		s.halfDone()
	}()
}

// halfDone records one finished direction; the second one closes the stream.
func (s *Stream) halfDone() {
	s.Registry.lk.Lock()
	s.halves++
	both := s.halves == 2
	s.Registry.lk.Unlock()
	if both {
		s.close()
	}
}

// StreamRegistry is a collection of active incoming and outgoing proto app streams.
type StreamRegistry struct {
	lk sync.Mutex

	Streams map[uint64]*Stream

	nextID uint64
}

// Register registers a stream to the registry and starts bridging it
func (r *StreamRegistry) Register(streamInfo *Stream) {
	r.lk.Lock()
	streamInfo.id = r.nextID
	r.Streams[r.nextID] = streamInfo
	r.nextID++
	r.lk.Unlock()

	streamInfo.startStreaming()
}

// Deregister deregisters stream from the registry
func (r *StreamRegistry) Deregister(streamID uint64) {
	r.lk.Lock()
	defer r.lk.Unlock()

	delete(r.Streams, streamID)
}

// Close stream endpoints and deregister it
func (r *StreamRegistry) Close(s *Stream) {
	r.Deregister(s.id)
	s.Remote.Close()
	s.Local.Close()
}

// Reset closes stream endpoints and deregisters it
func (r *StreamRegistry) Reset(s *Stream) {
	r.Deregister(s.id)
	s.Remote.Reset()
	s.Local.Close()
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

// P2PProtoPrefix is the default required prefix for protocol names
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
	// port can't be 0
	if err := checkPort(target); err != nil {
		return "", err
	}
	if !req.BoolOption("allow-custom-protocol") && !strings.HasPrefix(proto, P2PProtoPrefix) {
		return "", errors.New("protocol name must be within '" + P2PProtoPrefix + "' namespace")
	}
	_, err = p2p.ForwardRemote(ctx, proto, target, req.BoolOption("report-peer-id"))
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
	_, err = p2p.ForwardLocal(ctx, target, proto, listen)
	return "", err
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
	return peer.Decode(id)
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
	p2p.Listeners.lk.RLock()
	for _, listener := range p2p.Listeners.Listeners {
		if req.BoolOption("headers") {
			out += "Protocol\tListen Address\tTarget Address\n"
		}
		out += fmt.Sprintf("%s\t%s\t%s\n", listener.Protocol(), listener.ListenAddress(), listener.TargetAddress())
	}
	p2p.Listeners.lk.RUnlock()
	return out, nil
}

func p2pClose(p2p *P2P, req *node.Request) (string, error) {
	closeAll := req.BoolOption("all")
	proto, p := req.Option("protocol")
	listenOpt, l := req.Option("listen-address")
	targetOpt, t := req.Option("target-address")

	var listen, target ma.Multiaddr
	var err error
	if l {
		listen, err = ma.NewMultiaddr(listenOpt)
		if err != nil {
			return "", err
		}
	}
	if t {
		target, err = ma.NewMultiaddr(targetOpt)
		if err != nil {
			return "", err
		}
	}

	if !(closeAll || p || l || t) {
		return "", errors.New("no matching options given")
	}
	if closeAll && (p || l || t) {
		return "", errors.New("can't combine --all with other matching options")
	}

	match := func(listener Listener) bool {
		if closeAll {
			return true
		}
		if p && proto != listener.Protocol() {
			return false
		}
		if l && listen.String() != listener.ListenAddress() {
			return false
		}
		if t && target.String() != listener.TargetAddress() {
			return false
		}
		return true
	}

	done := p2p.Listeners.Close(match)
	return fmt.Sprintf("Closed %d stream(s)\n", done), nil
}

func p2pStreamLs(p2p *P2P, req *node.Request) (string, error) {
	out := ""
	p2p.Streams.lk.Lock()
	for id, s := range p2p.Streams.Streams {
		if req.BoolOption("headers") {
			out += "ID\tProtocol\tOrigin\tTarget\n"
		}
		out += fmt.Sprintf("%d\t%s\t%s\t%s\n", id, s.Protocol, s.OriginAddr, s.TargetAddr)
	}
	p2p.Streams.lk.Unlock()
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

	toClose := make([]*Stream, 0, 1)
	p2p.Streams.lk.Lock()
	for id, stream := range p2p.Streams.Streams {
		if !closeAll && handlerID != id {
			continue
		}
		toClose = append(toClose, stream)
		if !closeAll {
			break
		}
	}
	p2p.Streams.lk.Unlock()

	for _, s := range toClose {
		p2p.Streams.Reset(s)
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
