package gmplab.golang;

import gmplab.runtime.Action;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GoInspector} and {@link GoValue} read a paused program's package-level variables. */
class GoInspectorTest {
    /**
     * Fills its registries, then sets {@code phase = 1} and sleeps; changes them, sets
     * {@code phase = 2} and sleeps again. Sleeping lets the test pause at each phase.
     */
    private static final String SRC = """
            package main

            import (
            	"fmt"
            	"time"
            )

            type Listener interface {
            	key() string
            }

            type remoteListener struct {
            	addr  string
            	peers []string
            }

            func (r *remoteListener) key() string { return "remote:" + r.addr }

            type localListener struct {
            	name string
            	port int
            }

            func (l localListener) key() string { return "local:" + l.name }

            type Listeners struct {
            	Listeners map[string]Listener
            }

            type Base struct {
            	id int
            }

            type P2P struct {
            	Base
            	Listeners *Listeners
            	self      *P2P
            }

            type peer struct {
            	name string
            	up   bool
            }

            var (
            	nodeP2P *P2P
            	peers   []peer
            	title   = "gmp"
            	count   int
            	ready   bool
            	missing *P2P
            	phase   int
            	big     []int
            )

            func main() {
            	nodeP2P = &P2P{Base: Base{id: 7}, Listeners: &Listeners{Listeners: map[string]Listener{}}}
            	nodeP2P.self = nodeP2P
            	r := &remoteListener{addr: "10.0.0.1", peers: []string{"a", "b"}}
            	nodeP2P.Listeners.Listeners[r.key()] = r
            	l := localListener{name: "lo", port: 4001}
            	nodeP2P.Listeners.Listeners[l.key()] = l
            	all := make([]peer, 0, 8)
            	all = append(all, peer{"x", true}, peer{"y", false}, peer{"z", true})
            	peers = all[:2]
            	count = 42
            	ready = true
            	big = make([]int, 5000)
            	phase = 1
            	time.Sleep(time.Millisecond)

            	count++
            	peers = append(peers, peer{"w", true})
            	delete(nodeP2P.Listeners.Listeners, r.key())
            	nodeP2P.Listeners.Listeners["nil"] = (*remoteListener)(nil)
            	phase = 2
            	time.Sleep(time.Millisecond)
            	fmt.Println(count)
            }
            """;

    private Simulation sim;
    private GoInspector inspector;

    @BeforeEach
    void start() throws Exception {
        GoProgram program = GoProgram.compile("p2p.go", SRC);
        sim = new Simulation(program.configure(SimConfig.defaults()));
        GoroutineBody main = program.newMain(GoRun.hostOf(sim), VmOptions.defaults());
        sim.start(main);
        inspector = GoInspector.of(main);
    }

    /** Steps the simulation one event at a time until main has reached {@code phase}. */
    private void runToPhase(long phase) {
        while (global("phase").asLong() < phase) {
            assertThat(sim.finished()).as("program ended before phase %d", phase).isFalse();
            sim.runUntilEvents(sim.eventCount() + 1);
        }
    }

    private GoValue global(String name) {
        return inspector.global(name).orElseThrow();
    }

    @Test
    void listsThePackageVariablesInSourceOrder() {
        assertThat(inspector.globalNames())
                .containsExactly("nodeP2P", "peers", "title", "count", "ready", "missing", "phase", "big");
        assertThat(inspector.global("nope")).isEmpty();
        assertThat(inspector.global("main")).as("a function is no variable").isEmpty();
    }

    @Test
    void beforeInitializationVariablesReadAsTheirZeroValues() {
        assertThat(global("nodeP2P").isNil()).isTrue();
        assertThat(global("nodeP2P").typeName()).isEqualTo("*main.P2P");
        assertThat(global("count").asLong()).isZero();
        assertThat(global("peers").elements()).isEmpty();
        assertThat(global("peers").text()).isEqualTo("[]");
    }

    @Test
    void readsStructsThroughPointersAndEmbeddedFields() {
        runToPhase(1);
        GoValue node = global("nodeP2P");
        assertThat(node.isNil()).isFalse();
        assertThat(node.typeName()).isEqualTo("*main.P2P");
        assertThat(node.field("id").asLong()).as("promoted from Base").isEqualTo(7);
        assertThat(node.field("Base").typeName()).isEqualTo("main.Base");
        assertThat(node.field("self").field("self").field("id").asLong()).isEqualTo(7);
        assertThat(node.findField("nope")).isEmpty();
        assertThatThrownBy(() -> node.field("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no field nope in *main.P2P");
        assertThat(global("missing").isNil()).isTrue();
        assertThatThrownBy(() -> global("missing").field("Listeners"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nil pointer dereference");
    }

    @Test
    void readsAMapOfInterfacesInIterationOrderWithDynamicTypes() {
        runToPhase(1);
        GoValue registry = global("nodeP2P").field("Listeners").field("Listeners");
        assertThat(registry.typeName()).isEqualTo("map[string]main.Listener");
        List<Map.Entry<GoValue, GoValue>> entries = registry.entries();
        assertThat(entries).extracting(e -> e.getKey().asString()).containsExactly("remote:10.0.0.1", "local:lo");

        GoValue remote = entries.get(0).getValue();
        assertThat(remote.typeName()).isEqualTo("*main.remoteListener");
        assertThat(remote.field("addr").asString()).isEqualTo("10.0.0.1");
        assertThat(remote.field("peers").elements()).extracting(GoValue::asString).containsExactly("a", "b");

        GoValue local = entries.get(1).getValue();
        assertThat(local.typeName()).isEqualTo("main.localListener");
        assertThat(local.field("name").asString()).isEqualTo("lo");
        assertThat(local.field("port").asLong()).isEqualTo(4001);
    }

    @Test
    void readsOnlyTheLenWindowOfASlice() {
        runToPhase(1);
        GoValue peers = global("peers");
        assertThat(peers.typeName()).isEqualTo("[]main.peer");
        assertThat(peers.elements()).hasSize(2);
        assertThat(peers.elements()).extracting(p -> p.field("name").asString()).containsExactly("x", "y");
        assertThat(peers.elements().get(1).field("up").asBool()).isFalse();
        assertThat(peers.text()).isEqualTo("[{x true} {y false}]");
    }

    @Test
    void rendersValuesLikeFmtWithCyclesCut() {
        runToPhase(1);
        assertThat(global("nodeP2P").text())
                .isEqualTo("&{{7} &{map[local:lo:{lo 4001} remote:10.0.0.1:&{10.0.0.1 [a b]}]} &{...}}");
        assertThat(global("title").text()).isEqualTo("gmp");
        assertThat(global("ready").text()).isEqualTo("true");
        assertThat(global("missing").text()).isEqualTo("<nil>");
        String big = global("big").text();
        assertThat(big).startsWith("[0 0 0").endsWith("...").hasSize(GoValue.TEXT_LIMIT + 3);
    }

    @Test
    void scalarsReadAsTheirKindAndOtherKindsThrow() {
        runToPhase(1);
        assertThat(global("title").asString()).isEqualTo("gmp");
        assertThat(global("count").asLong()).isEqualTo(42);
        assertThat(global("ready").asBool()).isTrue();
        assertThatThrownBy(() -> global("title").asLong())
                .isInstanceOf(IllegalStateException.class).hasMessage("asLong: a value of type string is not an integer");
        assertThatThrownBy(() -> global("count").asString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> global("count").entries()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> global("nodeP2P").elements())
                .isInstanceOf(IllegalStateException.class).hasMessage("elements: a value of type main.P2P is not a slice or array");
        assertThatThrownBy(() -> global("count").field("x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no field x in int");
    }

    @Test
    void readsLiveMemoryAtEachPause() {
        runToPhase(1);
        GoValue count = global("count");
        GoValue registry = global("nodeP2P").field("Listeners").field("Listeners");
        GoValue peers = global("peers");

        runToPhase(2);
        // a fresh read sees the new values
        assertThat(global("count").asLong()).isEqualTo(43);
        assertThat(global("peers").elements()).extracting(p -> p.field("name").asString()).containsExactly("x", "y", "w");
        // a scalar or slice header read earlier is the one that was read; a map's contents are live
        assertThat(count.asLong()).isEqualTo(42);
        assertThat(peers.elements()).hasSize(2);
        List<Map.Entry<GoValue, GoValue>> entries = registry.entries();
        assertThat(entries).extracting(e -> e.getKey().asString()).containsExactly("local:lo", "nil");
        GoValue typedNil = entries.get(1).getValue();
        assertThat(typedNil.isNil()).isTrue();
        assertThat(typedNil.typeName()).isEqualTo("*main.remoteListener");
        assertThat(registry.text()).isEqualTo("map[local:lo:{lo 4001} nil:<nil>]");

        sim.runToEnd();
        assertThat(sim.result().stdout()).isEqualTo("43\n");
    }

    @Test
    void onlyGoProgramBodiesCanBeInspected() {
        GoroutineBody script = resume -> new Action.Exit();
        assertThatThrownBy(() -> GoInspector.of(script))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GoProgram.newMain");
    }
}
