package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code runtime.GOMAXPROCS(n)} from Go code resizes the Ps at run time (stop the world, procresize). */
class GomaxprocsGoTest {

    @Test
    void aComputedCallResizesThePsAndReturnsThePreviousSetting() throws Exception {
        String src = """
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func main() {
                	fmt.Println(runtime.GOMAXPROCS(0))
                	n := 2
                	old := runtime.GOMAXPROCS(n)
                	fmt.Println(old, runtime.GOMAXPROCS(0))
                	fmt.Println(runtime.GOMAXPROCS(-1))
                }
                """;
        RunResult r = GoRun.run("prog.go", src, SimConfig.defaults().withGomaxprocs(4));
        assertThat(r.stdout()).isEqualTo("4\n4 2\n2\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theSpawnOrderPuzzleAfterAResizeIsTheOnePOrder() throws Exception {
        String src = """
                package main

                import (
                	"fmt"
                	"runtime"
                	"sync"
                )

                func main() {
                	one := 1
                	runtime.GOMAXPROCS(one)
                	var wg sync.WaitGroup
                	for i := 0; i < 10; i++ {
                		wg.Add(1)
                		go func(i int) {
                			defer wg.Done()
                			fmt.Println(i)
                		}(i)
                	}
                	wg.Wait()
                }
                """;
        RunResult r = GoRun.run("prog.go", src, SimConfig.defaults().withGomaxprocs(4));
        assertThat(r.stdout()).isEqualTo("9\n0\n1\n2\n3\n4\n5\n6\n7\n8\n");
    }
}
