package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code time} on the virtual clock: Time printing and formatting, ticker values, Duration strings. */
class TimePackageTest {

    static String run(String body) throws Exception {
        String src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n" + body + "\n";
        RunResult r = GoRun.run(GoProgram.compile("t.go", src), SimConfig.defaults(), VmOptions.defaults(), null, null);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout();
    }

    @Test
    void timesPrintLikeGoOnTheVirtualClock() {
        long half = Stdlib.WALL_EPOCH + 500_000_001L;
        assertThat(Stdlib.timeString(half)).isEqualTo("2009-11-10 23:00:00.500000001 +0000 UTC m=+0.500000001");
        assertThat(Stdlib.timeFormat(half, "2006-01-02 15:04:05.000 Mon Jan 3:04PM")).isEqualTo("2009-11-10 23:00:00.500 Tue Nov 11:00PM");
    }

    @Test
    void tickersDeliverTheTimeOfEachTick() throws Exception {
        String out = run("func main() {\n\tt := time.NewTicker(10 * time.Millisecond)\n\tstart := time.Now()\n"
                + "\tfor i := 0; i < 3; i++ {\n\t\tv := <-t.C\n\t\tfmt.Println(v.Sub(start).Round(time.Millisecond))\n\t}\n\tt.Stop()\n}");
        assertThat(out).isEqualTo("10ms\n20ms\n30ms\n");
    }

    @Test
    void sleepsAdvanceTheClockExactly() throws Exception {
        String out = run("func main() {\n\ts := time.Now()\n\ttime.Sleep(1500 * time.Microsecond)\n"
                + "\tfmt.Println(time.Since(s).Truncate(time.Microsecond), time.Duration(90)*time.Second)\n}");
        assertThat(out).isEqualTo("1.5ms 1m30s\n");
    }
}
