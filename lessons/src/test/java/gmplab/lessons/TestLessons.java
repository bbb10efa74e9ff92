package gmplab.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small lesson folders for tests. */
final class TestLessons {
    private TestLessons() {
    }

    static final String SPAWN = """
            package main

            import (
            	"fmt"
            	"sync"
            )

            func main() {
            	var wg sync.WaitGroup
            	for i := 0; i < 5; i++ {
            		wg.Add(1)
            		go func(n int) {
            			defer wg.Done()
            			fmt.Println(n)
            		}(i)
            	}
            	wg.Wait()
            }
            """;

    static final String SYSCALLS = """
            package main

            import (
            	"sync"
            	"time"

            	"gmplab/sim"
            )

            func main() {
            	var wg sync.WaitGroup
            	for i := 0; i < 4; i++ {
            		wg.Add(1)
            		go func() {
            			defer wg.Done()
            			sim.Syscall(20 * time.Millisecond)
            		}()
            	}
            	wg.Wait()
            }
            """;

    static String text(String en) {
        return "{\"en\": \"" + en + "\", \"zh-CN\": \"中文：" + en + "\"}";
    }

    /** A lesson folder {@code dir/id} with {@code main.go} and the given steps (a JSON array body). */
    static Path write(Path dir, String id, String steps) throws IOException {
        return write(dir, id, steps, SPAWN, "{\"gomaxprocs\": 1}");
    }

    static Path write(Path dir, String id, String steps, String program, String settings) throws IOException {
        Path f = dir.resolve(id);
        Files.createDirectories(f);
        Files.writeString(f.resolve("main.go"), program);
        Files.writeString(f.resolve("lesson.json"), "{\n"
                + "  \"id\": \"" + id + "\",\n"
                + "  \"title\": " + text("Title of " + id) + ",\n"
                + "  \"settings\": " + settings + ",\n"
                + "  \"program\": \"main.go\",\n"
                + "  \"steps\": [\n" + steps + "\n  ]\n}\n");
        return f;
    }

    static final String GOOD_STEPS = """
                {"kind": "explain", "text": %s, "seek": "first park of G1 with wg"},
                {"kind": "predict", "text": %s, "query": "prints", "choices": ["4 0 1 2 3", "0 1 2 3 4"]},
                {"kind": "quiz", "text": %s, "params": {"k": [1, 3]}, "query": "count print > {{k}}",
                 "choices": ["true", "false"]},
                {"kind": "challenge", "text": %s, "points": "execute on P0 after first park of G1 with wg",
                 "ask": "g", "limit": 3}
            """.formatted(text("Spawn."), text("What is printed?"), text("More than {{k}}?"), text("Pick."));
}
