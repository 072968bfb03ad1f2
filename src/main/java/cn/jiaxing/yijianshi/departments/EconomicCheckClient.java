package cn.jiaxing.yijianshi.departments;

import java.util.List;

/**
 * 家庭经济状况核对 ("一键核对", domain.md §3): what one department's system holds about a household, asked
 * by the 核对中心 only after the household signed its authorization. The same operation on each source
 * system: 公安 {@code ga} (户籍, vehicles), 人社 {@code rs} (wages, pensions), 不动产 {@code bdc}, 市场监管
 * {@code scjg} (businesses), 税务 {@code sw}, 公积金 {@code gjj}, banks {@code yh} (deposits). The check
 * reports facts; a person decides (只核对不认定).
 *
 * <pre>
 * POST {base of the source}/household-economic-facts {idNumbers, authorizationNumber}
 *        → 200 {summary, monthlyIncome, assets, vehicles, properties, businesses}
 *          (amounts in whole yuan; a source fills what it holds and answers 0 for the rest)
 * </pre>
 * A source that does not answer in its timeout throws {@link DepartmentUnavailableException}; the check
 * flags it and a clerk may ask again.
 */
public interface EconomicCheckClient {

  Facts query(String idempotencyKey, String source, List<String> idNumbers, String authorizationNumber);

  /**
   * @param summary the facts in words a clerk reads (no ID numbers)
   * @param monthlyIncome the household's monthly income this source knows of (yuan)
   * @param assets financial assets (deposits, housing fund balance; yuan)
   */
  record Facts(String summary, long monthlyIncome, long assets, int vehicles, int properties, int businesses) {
  }
}
