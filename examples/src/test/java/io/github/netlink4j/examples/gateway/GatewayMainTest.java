package io.github.netlink4j.examples.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line and the exit codes that need no kernel change. */
class GatewayMainTest {
    @Test
    void options() {
        GatewayMain.Options o = GatewayMain.Options.parse("--config", "t.json", "--netns", "gw", "--once");
        assertEquals(Path.of("t.json"), o.config());
        assertEquals("gw", o.netns());
        assertTrue(o.once());
        o = GatewayMain.Options.parse("--config", "t.json");
        assertEquals(null, o.netns());
        assertFalse(o.once());
        assertEquals("--config FILE is required",
                assertThrows(IllegalArgumentException.class, () -> GatewayMain.Options.parse("--once")).getMessage());
        assertEquals("unknown argument \"--watch\"", assertThrows(IllegalArgumentException.class,
                () -> GatewayMain.Options.parse("--config", "t.json", "--watch")).getMessage());
        assertEquals("--netns needs a namespace name", assertThrows(IllegalArgumentException.class,
                () -> GatewayMain.Options.parse("--config", "t.json", "--netns")).getMessage());
    }

    @Test
    void exitCodes(@TempDir Path dir) throws IOException {
        assertEquals(GatewayMain.EXIT_USAGE, GatewayMain.run());
        assertEquals(GatewayMain.EXIT_USAGE, GatewayMain.run("--config"));
        assertEquals(GatewayMain.EXIT_FAILED, GatewayMain.run("--config", "x.json", "--netns", "nl4j-no-such-namespace"));
        // a bad file, checked before anything is sent: the namespace (the test's own) is not touched
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, GatewayConfigTest.sample().replace("\"table\": 1000", "\"table\": 255"));
        assertEquals(GatewayMain.EXIT_BAD_CONFIG, GatewayMain.run("--config", bad.toString(), "--once"));
        assertEquals(GatewayMain.EXIT_BAD_CONFIG, GatewayMain.run("--config", dir.resolve("missing.json").toString(), "--once"));
    }
}
