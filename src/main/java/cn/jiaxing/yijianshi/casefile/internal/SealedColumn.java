package cn.jiaxing.yijianshi.casefile.internal;

import cn.jiaxing.yijianshi.shared.DataProtection;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A case_file column holding citizens' data, sealed at rest ({@link DataProtection}); Hibernate
 * creates these through Spring, which hands them the configured keys.
 */
abstract class SealedColumn implements AttributeConverter<String, String> {

  private final DataProtection protection;
  private final String column;

  SealedColumn(DataProtection protection, String column) {
    this.protection = protection;
    this.column = column;
  }

  @Override
  public String convertToDatabaseColumn(String plain) {
    return protection.seal(column, plain);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return protection.open(column, stored);
  }

  @Converter
  static class ApplicantName extends SealedColumn {
    ApplicantName(DataProtection protection) {
      super(protection, JointCase.APPLICANT_NAME);
    }
  }

  @Converter
  static class ApplicantEmail extends SealedColumn {
    ApplicantEmail(DataProtection protection) {
      super(protection, JointCase.APPLICANT_EMAIL);
    }
  }

  @Converter
  static class OutcomeReason extends SealedColumn {
    OutcomeReason(DataProtection protection) {
      super(protection, JointCase.OUTCOME_REASON);
    }
  }
}
