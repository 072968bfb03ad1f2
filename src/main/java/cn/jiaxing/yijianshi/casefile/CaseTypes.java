package cn.jiaxing.yijianshi.casefile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every case type the families declared (as {@link CaseType} beans); names, number codes and processes are unique. */
@Component
public class CaseTypes {

  private final Map<String, CaseType> byName;
  private final Map<String, CaseType> byProcessKey;

  CaseTypes(List<CaseType> types) {
    this.byName = unique(types, CaseType::name, "name");
    unique(types, CaseType::numberCode, "number code");
    this.byProcessKey = unique(types, CaseType::processKey, "process");
  }

  public CaseType byName(String name) {
    CaseType type = byName.get(name);
    if (type == null) {
      throw new IllegalStateException("Unknown case type " + name + ": is its family's CaseType bean declared?");
    }
    return type;
  }

  public Optional<CaseType> byProcessKey(String processKey) {
    return Optional.ofNullable(byProcessKey.get(processKey));
  }

  private static Map<String, CaseType> unique(List<CaseType> types, Function<CaseType, String> key, String what) {
    return types.stream().collect(Collectors.toMap(key, t -> t, (a, b) -> {
      throw new IllegalStateException("Case types " + a.name() + " and " + b.name() + " share one " + what);
    }));
  }
}
