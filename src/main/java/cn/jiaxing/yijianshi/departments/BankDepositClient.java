package cn.jiaxing.yijianshi.departments;

import java.math.BigDecimal;

/**
 * Banks (system {@code yh}): the deposits of a deceased depositor, one bank per request (the request
 * names it). A first-order heir with the death proof and the relationship proof may query them
 * (银保监办发〔2021〕8号), and withdraw a small sum without notarisation (金规〔2024〕6号).
 *
 * <pre>
 * POST {base}/deposit-queries {bank, idNumber, applicantIdNumber, relationship, deathProofNumber}
 *        → 200 {queryNumber, accounts, balance}
 *          422 NO_ACCOUNT (no account at this bank)
 * POST {base}/small-sum-withdrawals {bank, idNumber, heirIdNumber, amount}
 *        → 200 {withdrawalNumber, amount}
 *          422 OVER_LIMIT (the bank's total for the depositor is over the small-sum limit)
 * </pre>
 */
public interface BankDepositClient {

  DepositQuery queryDeposits(String idempotencyKey, String bank, String idNumber, String applicantIdNumber,
      String relationship, String deathProofNumber);

  Withdrawal withdrawSmallSum(String idempotencyKey, String bank, String idNumber, String heirIdNumber, BigDecimal amount);

  /** The number of accounts and their total balance (yuan) at the bank. */
  record DepositQuery(String queryNumber, int accounts, BigDecimal balance) {
  }

  record Withdrawal(String withdrawalNumber, BigDecimal amount) {
  }
}
