package cn.jiaxing.yijianshi.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST layer finds its process engine through {@link java.util.ServiceLoader} on every request, and more
 * than once a request ({@code EngineUtil.lookupProcessEngine}: the authentication filter, then each resource it
 * builds). Each lookup asks the thread's context class loader for {@code META-INF/services/…}, which in the
 * packaged application means searching every library nested in the jar and reading the file found: about 4% of the
 * platform's CPU under load (README, <i>Performance</i>). While a request to the engine's REST API or the webapps'
 * API runs, the context class loader is therefore {@link ServiceFiles}: the same loader, except that a service file
 * is read once and then served from memory. Classes, other resources and everything else go to the loader Tomcat
 * set, unchanged; service files do not change while the application runs.
 */
@Configuration
class RestEngineLookup {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> restEngineLookupFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("rest-engine-lookup");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Runs the request with {@link ServiceFiles} over the context class loader it came with, and puts that one back. */
  static final class Filter extends OncePerRequestFilter {

    private final ConcurrentMap<ClassLoader, ServiceFiles> loaders = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Thread thread = Thread.currentThread();
      ClassLoader given = thread.getContextClassLoader();
      if (given == null || given instanceof ServiceFiles) {
        chain.doFilter(request, response);
        return;
      }
      thread.setContextClassLoader(loaders.computeIfAbsent(given, ServiceFiles::new));
      try {
        chain.doFilter(request, response);
      } finally {
        thread.setContextClassLoader(given);
      }
    }
  }

  /**
   * A class loader that is its parent in all but one thing: {@code getResources("META-INF/services/…")} is asked of
   * the parent once per name, and the files it found are kept in memory and served from there.
   */
  static final class ServiceFiles extends ClassLoader {

    static final String SERVICES = "META-INF/services/";

    static {
      registerAsParallelCapable(); // a class it is asked for is loaded by the parent, without locking this loader
    }

    private final ConcurrentMap<String, List<URL>> files = new ConcurrentHashMap<>();

    ServiceFiles(ClassLoader parent) {
      super("service-files", parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith(SERVICES) || name.length() == SERVICES.length()) {
        return super.getResources(name);
      }
      try {
        return Collections.enumeration(files.computeIfAbsent(name, this::read));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    private List<URL> read(String name) {
      try {
        List<URL> copies = new ArrayList<>();
        for (URL found : Collections.list(getParent().getResources(name))) {
          byte[] bytes;
          try (InputStream in = found.openStream()) {
            bytes = in.readAllBytes();
          }
          copies.add(inMemory(found, bytes));
        }
        return List.copyOf(copies);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A URL that reads as {@code bytes}, named after the file it was read from. */
    @SuppressWarnings("deprecation") // URL(String, String, int, String, URLStreamHandler): a URL with its own handler
    private static URL inMemory(URL source, byte[] bytes) throws MalformedURLException {
      return new URL("service-file", "", -1, source.toExternalForm(), new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {
              connected = true;
            }

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(bytes);
            }
          };
        }
      });
    }
  }
}
