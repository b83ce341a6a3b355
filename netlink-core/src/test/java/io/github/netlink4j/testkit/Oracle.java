package io.github.netlink4j.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracles of the kernel tests: {@code ip -j} and {@code nft -j} output, parsed with duplicate
 * keys KEPT. {@code ip -j route show} prints "dst" twice for a route with an encap (the prefix,
 * then the tunnel destination): the first stays {@code "dst"}, the second becomes {@code "dst#2"}
 * (a third {@code "dst#3"}, and so on).
 */
public final class Oracle {
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Oracle() {
    }

    /** {@code ip [-n NETNS] -j ARGS...} parsed (netns may be null). */
    public static JsonNode ipJson(String netns, String... args) {
        List<String> c = new ArrayList<>(List.of("-j"));
        c.addAll(List.of(args));
        String out = Cmd.ip(netns, c.toArray(String[]::new));
        return parse(out.isBlank() ? "[]" : out);
    }

    /** {@code nft -j ARGS...} inside NETNS (or the current namespace when null), parsed. */
    public static JsonNode nftJson(String netns, String... args) {
        List<String> c = new ArrayList<>();
        if (netns != null) {
            c.addAll(List.of("ip", "netns", "exec", netns));
        }
        c.add("nft");
        c.add("-j");
        c.addAll(List.of(args));
        String out = Cmd.run(c, 60).orThrow().stdout();
        return parse(out.isBlank() ? "{}" : out);
    }

    /** Parses JSON text keeping duplicate keys as {@code key#2}, {@code key#3}... */
    public static JsonNode parse(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("empty JSON");
            }
            return read(p, t);
        } catch (IOException e) {
            throw new UncheckedIOException("bad JSON: " + json, e);
        }
    }

    private static JsonNode read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonNode v = read(p, p.nextToken());
                    String k = key;
                    for (int n = 2; o.has(k); n++) {
                        k = key + "#" + n;
                    }
                    o.set(k, v);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(read(p, n));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected token " + t);
        }
    }

    /** The names of the links {@code ip -j link show} lists in NETNS, in order. */
    public static List<String> linkNames(String netns) {
        List<String> names = new ArrayList<>();
        for (JsonNode l : ipJson(netns, "link", "show")) {
            names.add(l.path("ifname").asText());
        }
        return names;
    }
}
