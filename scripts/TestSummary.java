import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Sums up the JUnit XML reports of the host run and the VM run, checks that every test the host
 * left for the VM ("needs VM") passed there, and prints the closing line
 * {@code tests: N passed, N failed, N skipped}. Exit status 1 on any failure.
 *
 * Usage: java scripts/TestSummary.java HOST_REPORT_DIR... -- VM_REPORT_DIR
 */
public class TestSummary {
    record Counts(int passed, int failed, int skipped, Set<String> needsVm, Set<String> passedNames,
                  List<String> failures) {
    }

    public static void main(String[] args) throws Exception {
        List<Path> host = new ArrayList<>();
        List<Path> vm = new ArrayList<>();
        boolean inVm = false;
        for (String a : args) {
            if (a.equals("--")) {
                inVm = true;
            } else {
                (inVm ? vm : host).add(Path.of(a));
            }
        }
        Counts h = read(host);
        Counts v = read(vm);
        System.out.printf("host kernel: %d passed, %d failed, %d skipped (%d left for the VM)%n",
                h.passed, h.failed, h.skipped, h.needsVm.size());
        System.out.printf("test VM:     %d passed, %d failed, %d skipped%n", v.passed, v.failed, v.skipped);
        List<String> problems = new ArrayList<>();
        problems.addAll(h.failures);
        problems.addAll(v.failures);
        for (String t : h.needsVm) {
            if (!v.passedNames.contains(t)) {
                problems.add("left for the VM but did not pass there: " + t);
            }
        }
        if (v.passed + v.failed == 0) {
            problems.add("the VM ran no test");
        }
        if (v.skipped > 0) {
            problems.add(v.skipped + " tests were skipped inside the VM, where every kernel test must run");
        }
        for (String p : problems) {
            System.out.println("FAILED: " + p);
        }
        int failed = h.failed + v.failed + (problems.size() > h.failures.size() + v.failures.size() ? 1 : 0);
        System.out.printf("tests: %d passed, %d failed, %d skipped%n", h.passed + v.passed, failed, h.skipped + v.skipped);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    static Counts read(List<Path> dirs) throws Exception {
        int passed = 0, failed = 0, skipped = 0;
        Set<String> needsVm = new TreeSet<>();
        Set<String> passedNames = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        var dbf = DocumentBuilderFactory.newInstance();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml")).toList();
            }
            for (Path f : files) {
                var doc = dbf.newDocumentBuilder().parse(f.toFile());
                NodeList cases = doc.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    String name = c.getAttribute("classname") + "." + c.getAttribute("name").replaceAll("\\(.*\\)$", "");
                    Element skip = first(c, "skipped");
                    Element fail = first(c, "failure");
                    Element err = first(c, "error");
                    if (fail != null || err != null) {
                        failed++;
                        Element e = fail != null ? fail : err;
                        String msg = e.getAttribute("message");
                        failures.add(name + ": " + (msg.length() > 300 ? msg.substring(0, 300) + "..." : msg));
                    } else if (skip != null) {
                        skipped++;
                        String msg = skip.getAttribute("message") + skip.getTextContent();
                        if (msg.contains("needs VM")) {
                            needsVm.add(name);
                        }
                    } else {
                        passed++;
                        passedNames.add(name);
                    }
                }
            }
        }
        return new Counts(passed, failed, skipped, needsVm, passedNames, failures);
    }

    static Element first(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
