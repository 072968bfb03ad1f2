package cn.jiaxing.yijianshi;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The front desk in the browser: after starting a case the clerk follows Tasklist's header link to 受理回执与办件查询,
 * finds the case among today's, prints its receipt (the number the progress query knows, the departments, the
 * promised date), and finds it again by the applicant's name and the ID number's last four. Screenshot in
 * {@code target/frontdesk-receipt.png}.
 */
class FrontDeskPageIT extends BrowserTestSupport {



  @Test
  void theClerkPrintsTheReceiptOfTheCaseJustStartedAndFindsItByApplicant() throws Exception {
    String groomId = TestPeople.man(35);
    var started = submitStartForm(PROCESS_KEY, new HashMap<>(Map.of(GROOM_NAME, "钱塘", GROOM_ID_NUMBER, groomId,
        BRIDE_NAME, "沈月", BRIDE_ID_NUMBER, TestPeople.woman(33), DECLARATION_SIGNED, true, BOTH_PRESENT, true)));
    String caseNumber = started.getBody().get("businessKey").asText();
    try {
      HeadlessChromium.logIn(browser, wait, "http://localhost:" + PORT + "/camunda/app/tasklist/default/", "qiantai", PASSWORD);
      WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.yijianshi-desk-link")));
      assertThat(link.getText()).isEqualTo("受理回执与办件查询");
      browser.get(link.getDomProperty("href"));

      WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//tbody[@id='mine']/tr[td[1][text()='" + caseNumber + "']]")));
      mine.findElement(By.xpath(".//button[text()='回执']")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receiptSection")));
      wait.until(ExpectedConditions.textToBe(By.id("rNumber"), caseNumber));
      var progress = get("qiantai", "/api/cases/{n}", caseNumber);
      assertThat(progress.getStatusCode().value()).isEqualTo(200);
      assertThat(browser.findElement(By.id("rType")).getText()).isEqualTo(progress.getBody().get("typeName").asText());
      assertThat(browser.findElement(By.id("rDepartments")).getText()).contains("民政");
      assertThat(browser.findElement(By.id("rPromised")).getText()).matches("\\d{4}-\\d{2}-\\d{2}.*工作日.*");
      assertThat(browser.findElement(By.id("rApplicant")).getText()).doesNotContain(groomId);
      saveScreenshot("frontdesk-receipt.png");

      // found again by the applicant's name and the ID number's last four; a wrong pair finds nothing
      browser.findElement(By.id("applicantName")).sendKeys("钱塘");
      browser.findElement(By.id("idLastFour")).sendKeys(groomId.substring(14));
      browser.findElement(By.cssSelector("#search button[type='submit']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//tbody[@id='found']/tr[td[1][text()='" + caseNumber + "']]")));
      browser.findElement(By.id("idLastFour")).clear();
      browser.findElement(By.id("idLastFour")).sendKeys(groomId.endsWith("0000") ? "1111" : "0000");
      browser.findElement(By.cssSelector("#search button[type='submit']")).click();
      wait.until(ExpectedConditions.textToBe(By.id("searchError"), "没有找到符合条件的办件"));
    } catch (Throwable t) {
      saveScreenshot("frontdesk-failure.png");
      throw t;
    }
  }

}
