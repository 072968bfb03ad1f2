package cn.jiaxing.yijianshi.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seals what is not sealed with the current key yet — plain values from before sealing, values under
 * a rotated-out key — in one table's sealed columns ({@code table.column} names, as sealed). Each
 * row is updated only if it still holds what was read, so two nodes starting together are harmless.
 */
public final class Resealing {

  private Resealing() {
  }

  /** Reseals every such row, {@code batch} rows at a time (each batch in the caller's transaction, if any); returns how many. */
  public static int reseal(JdbcClient db, DataProtection protection, String table, List<String> sealedColumns,
      int batch) {
    int total = 0;
    while (true) {
      int rewritten = resealBatch(db, protection, table, sealedColumns, batch);
      total += rewritten;
      if (rewritten < batch) {
        return total;
      }
    }
  }

  private static int resealBatch(JdbcClient db, DataProtection protection, String table, List<String> sealedColumns,
      int batch) {
    String currentPrefix = protection.currentPrefix();
    List<String> columns = sealedColumns.stream().map(c -> c.substring(c.indexOf('.') + 1)).toList();
    String where = String.join(" or ", columns.stream()
        .map(c -> "(" + c + " is not null and " + c + " not like :prefix)").toList());
    List<Object[]> rows = db.sql("select id, " + String.join(", ", columns) + " from " + table + " where " + where
            + " order by id limit " + batch)
        .param("prefix", currentPrefix.replace("%", "").replace("_", "\\_") + "%")
        .query((rs, n) -> {
          Object[] row = new Object[columns.size() + 1];
          row[0] = rs.getLong(1);
          for (int i = 0; i < columns.size(); i++) {
            row[i + 1] = rs.getString(i + 2);
          }
          return row;
        })
        .list();
    int rewritten = 0;
    for (Object[] row : rows) {
      List<Object> params = new ArrayList<>();
      List<String> sets = new ArrayList<>();
      List<String> same = new ArrayList<>();
      List<Object> sameParams = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        String stored = (String) row[i + 1];
        if (protection.needsResealing(stored)) {
          sets.add(columns.get(i) + " = ?");
          params.add(protection.seal(sealedColumns.get(i), protection.open(sealedColumns.get(i), stored)));
          same.add(columns.get(i) + " = ?");
          sameParams.add(stored);
        }
      }
      if (sets.isEmpty()) {
        continue;
      }
      params.add(row[0]);
      params.addAll(sameParams);
      rewritten += db.sql("update " + table + " set " + String.join(", ", sets) + " where id = ? and "
          + String.join(" and ", same)).params(params).update();
    }
    return rewritten;
  }
}
