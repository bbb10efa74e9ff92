package gmplab.p2p.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journal files: read while the daemon appends, and malformed ones named by file and line. */
class JournalTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("j.tsv"), text);
    }

    @Test
    void readsHeaderAndInputsAndLeavesAHalfWrittenLastLine() throws IOException {
        Path repo = dir.resolve("a repo, with spaces");
        String header = Journal.header(ListenerDemo.Version.BLOG_ERA, Scenario.SELF, 3, repo);
        DaemonRunner.Input api = new DaemonRunner.Input(12, 3_000, "api", java.util.List.of("ls -v"));
        Journal j = Journal.read(file(header + "\n" + api.line() + "\n" + "40\t9000\tda"));
        assertThat(j.version()).isEqualTo(ListenerDemo.Version.BLOG_ERA);
        assertThat(j.selfId()).isEqualTo(Scenario.SELF);
        assertThat(j.gomaxprocs()).isEqualTo(3);
        assertThat(j.repo()).as("the daemon's repo, where a watcher finds its control endpoint").isEqualTo(repo.toAbsolutePath());
        assertThat(j.inputs()).containsExactly(api);
    }

    @Test
    void aHeaderFromBeforeGomaxprocsWasRecordedMeansTheDaemonsDefault() throws IOException {
        Journal old = Journal.read(file("# gmplab p2p journal fixed " + Scenario.SELF + "\n"));
        assertThat(old.gomaxprocs()).isEqualTo(4);
        assertThat(old.repo()).as("nor its repo: the watcher's default").isNull();
    }

    @Test
    void malformedFilesAreNamedByFileAndLine() throws IOException {
        Path notJournal = file("hello\n");
        assertThatThrownBy(() -> Journal.read(notJournal)).hasMessage(notJournal + ":1: not a journal written by p2p daemon --record");
        Path badLine = file(Journal.header(ListenerDemo.Version.FIXED, Scenario.SELF, 2, dir) + "\n\n7\tx\tapi\n");
        assertThatThrownBy(() -> Journal.read(badLine))
                .hasMessage(badLine + ":3: not a recorded input: event count and virtual time must be integers");
        Path shortLine = file(Journal.header(ListenerDemo.Version.FIXED, Scenario.SELF, 2, dir) + "\n7\n");
        assertThatThrownBy(() -> Journal.read(shortLine)).hasMessageStartingWith(shortLine + ":2: not a recorded input: expected");
        Path badProcs = file("# gmplab p2p journal fixed " + Scenario.SELF + " gomaxprocs=0\n");
        assertThatThrownBy(() -> Journal.read(badProcs)).hasMessage(badProcs + ":1: bad gomaxprocs 0");
    }
}
