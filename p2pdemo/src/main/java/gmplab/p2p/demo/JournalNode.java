package gmplab.p2p.demo;

import gmplab.runtime.SimConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A daemon started elsewhere ({@code ./gmplab p2p daemon --record FILE} in a terminal),
 * watched through its journal: {@link #record} reads the file as it grows and replays it,
 * so its goroutines can be stepped through while it runs. Commands go to the daemon's
 * control endpoint (as from {@code ./gmplab p2p ls}); remote peers and applications are
 * whatever really connects to that daemon.
 */
public final class JournalNode implements P2pNode {
    private final Path journal;
    private final Path repo;
    private final Journal first;
    private final List<P2pAction> actions = new CopyOnWriteArrayList<>();

    /**
     * Watches {@code journal}; commands go to the daemon whose control endpoint is in the repo
     * the journal names ({@code fallbackRepo} for a journal from before headers named it).
     */
    public JournalNode(Path journal, Path fallbackRepo) throws IOException {
        this.journal = journal;
        this.first = Journal.read(journal);
        this.repo = first.repo() != null ? first.repo() : fallbackRepo;
    }

    /** Where the watched daemon's control endpoint is found ({@code repo/api}). */
    public Path repo() {
        return repo;
    }

    /** The journal file watched. */
    public Path journal() {
        return journal;
    }

    @Override
    public ListenerDemo.Version version() {
        return first.version();
    }

    @Override
    public boolean real() {
        return true;
    }

    /** The daemon printed its addresses; the journal knows only its peer id. */
    @Override
    public List<String> listenAddrs() {
        return List.of("/p2p/" + first.selfId());
    }

    /** Peers are whoever connects to the daemon: none can be made to open streams from here. */
    @Override
    public List<String> remotePeers() {
        return List.of();
    }

    /**
     * Sends a command to the daemon (its answer shows in the journal's replay); other actions
     * need peers and applications this process does not own.
     *
     * @throws IllegalArgumentException for anything but a command
     * @throws UncheckedIOException if the daemon cannot be reached
     */
    @Override
    public void act(P2pAction a) {
        if (!(a instanceof P2pAction.Command c)) {
            throw new IllegalArgumentException("a daemon watched through its journal takes commands only");
        }
        try {
            DaemonApi.call(repo, c.line());
            actions.add(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<P2pAction> actions() {
        return List.copyOf(actions);
    }

    @Override
    public P2pRun record() {
        Journal j;
        try {
            j = Journal.read(journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Replay.record(j.version(), j.selfId(), j.inputs(), SimConfig.defaults().withGomaxprocs(j.gomaxprocs()), -1);
    }

    @Override
    public void close() {
        // the daemon belongs to whoever started it
    }
}
