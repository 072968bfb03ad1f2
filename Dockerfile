# Builds the application image used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/yijianshi-*.jar /tmp/yijianshi.jar
# Class data sharing (Spring Boot's CDS recipe; README, Run: a faster start): the jar extracted (/app/yijianshi.jar,
# keeping its name, and /app/lib/), then one training
# start of the embedded default (H2 in a scratch directory, any free port) that stops when the context is ready
# and leaves the archive of the classes it loaded. Made here, with the JVM that runs it: an archive is only valid
# for the JVM that wrote it (a mismatch is ignored with a warning, the start is just slower).
RUN java -Djarmode=tools -jar /tmp/yijianshi.jar extract --destination /app \
 && test -f /app/yijianshi.jar && test -d /app/lib \
 && mkdir /tmp/training && cd /tmp/training \
 && { java -XX:ArchiveClassesAtExit=/app/yijianshi.jsa -Xlog:cds=error -Dspring.context.exit=onRefresh \
        -jar /app/yijianshi.jar --server.port=0 > /tmp/training/training.log 2>&1 \
      || { cat /tmp/training/training.log; exit 1; }; } \
 && test -s /app/yijianshi.jsa \
 && cd /app && rm -rf /tmp/training /tmp/yijianshi.jar
ENV SPRING_PROFILES_ACTIVE=mysql TZ=Asia/Shanghai
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/yijianshi.jsa", "-jar", "/app/yijianshi.jar"]
