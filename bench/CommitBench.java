import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many durable commits per second the database sustains (benchmark, not a test): N connections
 * each insert one row and commit, in a loop, for a few seconds; with InnoDB's durable settings every
 * commit is a log flush. Prints one line per connection count and a last JSON line for bench/throughput.py.
 *
 *   java -cp ~/.m2/repository/com/mysql/mysql-connector-j/<v>/mysql-connector-j-<v>.jar bench/CommitBench.java \
 *       "jdbc:mysql://127.0.0.1:3306/bench_commit?createDatabaseIfNotExist=true" root "" 1,4,16 5
 */
public class CommitBench {

  public static void main(String[] args) throws Exception {
    String url = args[0], user = args[1], password = args.length > 2 ? args[2] : "";
    String[] counts = (args.length > 3 ? args[3] : "1,4,16").split(",");
    double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 5;
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("drop table if exists commit_bench");
      s.execute("create table commit_bench (id bigint auto_increment primary key, v varchar(64)) engine=InnoDB");
    }
    StringBuilder json = new StringBuilder("{");
    for (String count : counts) {
      int n = Integer.parseInt(count.trim());
      long fsyncsBefore = fsyncs(url, user, password);
      LongAdder commits = new LongAdder();
      long end = System.nanoTime() + (long) (seconds * 1e9);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Thread t = new Thread(() -> {
          try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into commit_bench (v) values (?)")) {
              while (System.nanoTime() < end) {
                insert.setString(1, "x");
                insert.executeUpdate();
                c.commit();
                commits.increment();
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      double perSecond = commits.sum() / seconds;
      double fsyncsPerCommit = (fsyncs(url, user, password) - fsyncsBefore) / (double) Math.max(1, commits.sum());
      System.out.printf("%2d connections: %8.0f commits/s, %.2f log fsyncs per commit%n", n, perSecond, fsyncsPerCommit);
      json.append(json.length() > 1 ? ", " : "").append('"').append(n).append("\": ").append(Math.round(perSecond));
    }
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("drop table commit_bench");
    }
    System.out.println(json.append('}'));
  }

  private static long fsyncs(String url, String user, String password) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("show global status like 'Innodb_data_fsyncs'")) {
      rs.next();
      return rs.getLong(2);
    }
  }
}
