package cn.jiaxing.yijianshi.departments;

/**
 * 证券登记结算 system (system {@code zq}): the deceased's securities pass to the heir by a non-trading
 * transfer (继承非交易过户).
 *
 * <pre>
 * POST {base}/inheritance-transfers {idNumber, heirIdNumber} → 200 {transferNumber, accounts}
 *                                                            422 NO_SECURITIES_ACCOUNT
 * </pre>
 */
public interface SecuritiesRegistryClient {

  Transfer transferToHeir(String idempotencyKey, String idNumber, String heirIdNumber);

  record Transfer(String transferNumber, int accounts) {
  }
}
