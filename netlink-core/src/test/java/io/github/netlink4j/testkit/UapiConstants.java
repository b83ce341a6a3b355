package io.github.netlink4j.testkit;

import io.github.netlink4j.core.wire.Attr;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the kernel numbers a module defines against the kernel's uapi headers (linux-libc-dev):
 * generates a C program that prints every symbol, compiles it with gcc, and compares.
 *
 * <p>A symbol is every static field, public or not, of the given classes that is
 * <ul>
 *   <li>an integer constant whose name is a C macro name ({@code RTM_NEWROUTE}, {@code NLM_F_ACK});</li>
 *   <li>an {@link Attr}: its {@code name()} against its {@code type()} ({@code RTA_OIF} = 4);</li>
 *   <li>an open-enum record with {@code number()} and a C-style {@code name()}
 *       ({@code NetlinkProtocol.ROUTE} is {@code NETLINK_ROUTE} = 0).</li>
 * </ul>
 * A name the headers do not define fails the check unless listed as library-only.
 */
public final class UapiConstants {
    private static final Pattern C_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Pattern UNDECLARED = Pattern.compile("['\u2018]([A-Za-z_][A-Za-z0-9_]*)['\u2019] undeclared");

    private UapiConstants() {
    }

    /** One symbol: its C name, the Java value, and where it is defined. */
    public record Symbol(String name, long value, boolean isInt, String source) {
    }

    /** Collects the symbols of {@code classes}. Duplicates with equal values are merged. */
    public static Map<String, Symbol> collect(Collection<Class<?>> classes) {
        Map<String, Symbol> out = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v;
                try {
                    v = f.get(null);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                String src = c.getSimpleName() + "." + f.getName();
                Class<?> t = f.getType();
                if ((t == int.class || t == long.class || t == short.class || t == byte.class)
                        && C_NAME.matcher(f.getName()).matches()) {
                    add(out, new Symbol(f.getName(), ((Number) v).longValue(), t != long.class, src));
                } else if (v instanceof Attr<?> a && C_NAME.matcher(a.name()).matches()) {
                    add(out, new Symbol(a.name(), a.type(), true, src));
                } else if (v != null && v.getClass().isRecord()) {
                    Symbol s = recordSymbol(v, src);
                    if (s != null) {
                        add(out, s);
                    }
                }
            }
        }
        return out;
    }

    private static Symbol recordSymbol(Object v, String src) {
        try {
            Method number = v.getClass().getMethod("number");
            Method name = v.getClass().getMethod("name");
            Object n = number.invoke(v);
            Object s = name.invoke(v);
            if (n instanceof Integer i && s instanceof String str && C_NAME.matcher(str).matches()) {
                return new Symbol(str, i, true, src);
            }
        } catch (ReflectiveOperationException e) {
            return null;
        }
        return null;
    }

    private static void add(Map<String, Symbol> out, Symbol s) {
        Symbol prev = out.putIfAbsent(s.name(), s);
        if (prev != null && prev.value() != s.value()) {
            throw new AssertionError(s.name() + " defined twice with different values: " + prev.source() + " = "
                    + prev.value() + ", " + s.source() + " = " + s.value());
        }
    }

    /**
     * Compiles and runs the check.
     *
     * @param headers     header paths as in {@code #include <...>}, e.g. {@code linux/rtnetlink.h}
     * @param classes     the classes whose constants to check
     * @param libraryOnly C-style names that are the library's own and not in any header
     * @return the number of symbols checked
     * @throws AssertionError listing every mismatch and every unknown name
     */
    public static int check(List<String> headers, Collection<Class<?>> classes, Set<String> libraryOnly)
            throws IOException, InterruptedException {
        Map<String, Symbol> symbols = collect(classes);
        symbols.keySet().removeAll(libraryOnly);
        if (symbols.isEmpty()) {
            throw new AssertionError("no constants found in " + classes);
        }
        Path dir = Files.createTempDirectory("uapi-check");
        try {
            Set<String> unknown = new TreeSet<>();
            Map<String, Long> actual = null;
            for (int round = 0; round < 2 && actual == null; round++) {
                List<Symbol> present = new ArrayList<>();
                for (Symbol s : symbols.values()) {
                    if (!unknown.contains(s.name())) {
                        present.add(s);
                    }
                }
                Path src = dir.resolve("check.c");
                Files.writeString(src, program(headers, present));
                Cmd.Result cc = Cmd.run(List.of("gcc", "-w", "-o", dir.resolve("check").toString(), src.toString()), 120);
                if (cc.exitCode() != 0) {
                    Matcher m = UNDECLARED.matcher(cc.stderr());
                    boolean any = false;
                    while (m.find()) {
                        unknown.add(m.group(1));
                        any = true;
                    }
                    if (!any || round == 1) {
                        throw new AssertionError("gcc failed on the uapi check program:\n" + cc.stderr());
                    }
                    continue;
                }
                Cmd.Result run = Cmd.run(List.of(dir.resolve("check").toString()), 60);
                actual = new LinkedHashMap<>();
                for (String line : run.stdout().split("\n")) {
                    if (!line.isBlank()) {
                        String[] p = line.split(" ");
                        actual.put(p[0], Long.parseLong(p[1]));
                    }
                }
            }
            List<String> problems = new ArrayList<>();
            for (String u : unknown) {
                Symbol s = symbols.get(u);
                problems.add(u + " (" + s.source() + ") is not defined by " + headers);
            }
            for (Symbol s : symbols.values()) {
                Long c = actual.get(s.name());
                if (c == null) {
                    continue;
                }
                long java = s.value();
                boolean same = s.isInt() ? ((int) java == (int) (long) c) : java == c;
                if (!same) {
                    problems.add(s.name() + ": " + s.source() + " = " + java + " but the header says " + c);
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(problems.size() + " constants disagree with the uapi headers:\n  "
                        + String.join("\n  ", problems));
            }
            return symbols.size();
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String program(List<String> headers, List<Symbol> symbols) {
        StringBuilder sb = new StringBuilder();
        sb.append("#define _GNU_SOURCE\n#include <stdio.h>\n#include <sys/socket.h>\n#include <errno.h>\n");
        for (String h : headers) {
            sb.append("#include <").append(h).append(">\n");
        }
        sb.append("int main(void) {\n");
        for (Symbol s : symbols) {
            sb.append("  printf(\"%s %lld\\n\", \"").append(s.name()).append("\", (long long) (")
                    .append(s.name()).append("));\n");
        }
        sb.append("  return 0;\n}\n");
        return sb.toString();
    }
}
