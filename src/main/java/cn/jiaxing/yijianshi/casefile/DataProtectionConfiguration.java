package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.shared.DataProtection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys that seal citizens' data in our tables (see README, Security and privacy). */
@Configuration
@EnableConfigurationProperties(DataProtectionConfiguration.DataProperties.class)
class DataProtectionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataProtectionConfiguration.class);

  /**
   * @param currentKey the id of the key that seals new values
   * @param keys key id → base64 of 32 random bytes (AES-256); old ids stay until everything is re-sealed
   * @param hashKey base64 of 32–64 random bytes for the keyed hash of duplicate checks
   * @param demo true for the bundled demo keys (embedded default only)
   */
  @ConfigurationProperties("yijianshi.data")
  record DataProperties(String currentKey, Map<String, String> keys, String hashKey, boolean demo) {
  }

  @Bean
  DataProtection dataProtection(DataProperties properties) {
    if (properties.demo()) {
      log.warn("Citizens' data is sealed with the bundled DEMO keys: set YIJIANSHI_DATA_KEYS_K1 and"
          + " YIJIANSHI_DATA_HASH_KEY (openssl rand -base64 32) for any real data");
    }
    return new DataProtection(properties.currentKey() == null ? "k1" : properties.currentKey(), properties.keys(),
        properties.hashKey());
  }
}
