package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.casefile.internal.JointCase;
import cn.jiaxing.yijianshi.shared.DataProtection;
import cn.jiaxing.yijianshi.shared.Resealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, the case files' citizens' data not sealed with the current key (rows from before
 * sealing, or under a key being rotated out) is sealed with it. When it logs nothing, every row is
 * under the current key and older keys can be removed from the configuration.
 */
@Component
class CaseFileSealing {

  private static final Logger log = LoggerFactory.getLogger(CaseFileSealing.class);

  private final JdbcClient db;
  private final DataProtection protection;

  CaseFileSealing(JdbcClient db, DataProtection protection) {
    this.db = db;
    this.protection = protection;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    int resealed = Resealing.reseal(db, protection, "case_file", JointCase.SEALED_COLUMNS, 500);
    if (resealed > 0) {
      log.info("Sealed {} case file(s) with the current data key", resealed);
    }
  }
}
