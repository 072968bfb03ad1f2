package cn.jiaxing.yijianshi.casefile.internal;

import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Citizens' data sealed at rest (issue 7) takes more room than plain text: the sealed columns are
 * widened (a Java migration because H2 and MySQL spell it differently). The values are sealed by
 * {@code CaseFileSealing} at the next start-up.
 */
@Component
public class V9__WidenSealedColumns extends BaseJavaMigration {

  private static final Map<String, String> WIDENED = Map.of(
      "case_file.applicant_name", "varchar(1000)",
      "case_file.applicant_email", "varchar(1000)",
      "case_file.outcome_reason", "varchar(3000)",
      "mail_outbox.recipient", "varchar(1000) not null");

  @Override
  public void migrate(Context context) throws Exception {
    boolean mysql = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
    try (Statement statement = context.getConnection().createStatement()) {
      for (var column : WIDENED.entrySet()) {
        String[] tableAndColumn = column.getKey().split("\\.");
        statement.execute("alter table " + tableAndColumn[0] + (mysql ? " modify column " : " alter column ")
            + tableAndColumn[1] + " " + column.getValue());
      }
    }
  }
}
