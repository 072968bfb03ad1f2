package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine's REST requests run with a context class loader that reads each {@code META-INF/services} file once:
 * Camunda looks its process engine up through {@link ServiceLoader} several times a request.
 */
class RestEngineLookupTests {

  /** A service and its provider, named in a service file of a directory on the test's class path. */
  public interface Lookup {
    String name();
  }

  public static final class NamedLookup implements Lookup {
    @Override
    public String name() {
      return "found";
    }
  }

  /** A class loader over {@code dir} that counts how often it is asked for resources by name. */
  static final class Counting extends URLClassLoader {
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    Counting(Path dir) throws IOException {
      super(new URL[] {dir.toUri().toURL()}, RestEngineLookupTests.class.getClassLoader());
    }

    @Override
    public java.util.Enumeration<URL> getResources(String name) throws IOException {
      asked.add(name);
      return super.getResources(name);
    }
  }

  private static Counting withServiceFile(Path dir, String content) throws IOException {
    Path file = dir.resolve("META-INF/services/" + Lookup.class.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return new Counting(dir);
  }

  private static List<String> providers(ClassLoader loader) {
    return ServiceLoader.load(Lookup.class, loader).stream().map(p -> p.get().name()).toList();
  }

  @Test
  void aServiceFileIsReadOnceAndItsProvidersFoundEveryTime(@TempDir Path dir) throws IOException {
    Counting parent = withServiceFile(dir, "# the provider\n" + NamedLookup.class.getName() + "\n");
    RestEngineLookup.ServiceFiles files = new RestEngineLookup.ServiceFiles(parent);

    assertThat(providers(files)).containsExactly("found");
    // the file changes on disk: the application's service files do not, and the copy in memory is what is read
    Files.writeString(dir.resolve("META-INF/services/" + Lookup.class.getName()), "", StandardCharsets.UTF_8);
    assertThat(providers(files)).containsExactly("found");
    assertThat(providers(files)).containsExactly("found");

    assertThat(parent.asked).containsExactly("META-INF/services/" + Lookup.class.getName());
    assertThat(providers(parent)).isEmpty(); // the parent itself reads the file each time
  }

  @Test
  void everythingButServiceFilesIsTheParentsAsBefore(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("note.txt"), "a", StandardCharsets.UTF_8);
    Counting parent = withServiceFile(dir, NamedLookup.class.getName());
    RestEngineLookup.ServiceFiles files = new RestEngineLookup.ServiceFiles(parent);

    assertThat(Collections.list(files.getResources("note.txt"))).hasSize(1);
    assertThat(Collections.list(files.getResources("note.txt"))).hasSize(1);
    assertThat(parent.asked).containsExactly("note.txt", "note.txt");
    assertThat(files.getResource("note.txt")).isEqualTo(parent.getResource("note.txt"));
    assertThat(files.loadClass(NamedLookup.class.getName())).isSameAs(NamedLookup.class);
    assertThat(Collections.list(files.getResources("META-INF/services/none.Such"))).isEmpty();
  }

  @Test
  void theRequestRunsWithTheCachingLoaderAndTheThreadGetsItsOwnBack(@TempDir Path dir) throws Exception {
    Counting given = withServiceFile(dir, NamedLookup.class.getName());
    RestEngineLookup.Filter filter = new RestEngineLookup.Filter();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(given);
    try {
      List<ClassLoader> seen = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(),
            (request, response) -> {
              seen.add(thread.getContextClassLoader());
              assertThat(providers(thread.getContextClassLoader())).containsExactly("found");
            });
        assertThat(thread.getContextClassLoader()).isSameAs(given);
      }
      assertThat(seen.get(0)).isInstanceOf(RestEngineLookup.ServiceFiles.class).isSameAs(seen.get(1));
      assertThat(seen.get(0).getParent()).isSameAs(given);
      assertThat(given.asked).hasSize(1); // two requests, one read

      assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"),
          new MockHttpServletResponse(), (request, response) -> {
            throw new IllegalStateException("the engine failed");
          })).hasMessage("the engine failed");
      assertThat(thread.getContextClassLoader()).isSameAs(given);
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
