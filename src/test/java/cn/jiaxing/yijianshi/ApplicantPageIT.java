package cn.jiaxing.yijianshi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The applicant's own 办件进度查询 ({@code /chaxun/index.html}) on a phone-sized headless Chromium (zh-CN; skipped
 * without it), no login: the link from the receipt mail fills in the case number; a wrong ID tail gets the one
 * Chinese refusal and no result; the right one shows the case's kind, status, promised date and steps — and
 * neither the applicant's ID number nor name. The page fits the phone's width. Screenshots:
 * {@code target/applicant-page-*.png} (wrong-tail, result, result-full).
 */
class ApplicantPageIT extends BrowserTestSupport {

  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;


  @Test
  void anApplicantLooksTheCaseUpOnAPhone() throws Exception {
    try {
      // a 社会救助 case at the township's 入户调查和民主评议
      String applicant = TestPeople.woman(40);
      String idTail = applicant.substring(12);
      var started = submitStartForm(SocialAssistanceVariables.PROCESS_KEY,
          TestApplications.socialAssistance(applicant, TestPeople.man(10), uniqueEmail("applicant-page")));
      String caseNumber = started.getBody().get("businessKey").asText();
      awaitTask("xiangzhen", caseNumber, "Task_InvestigateHousehold");

      // the receipt mail's link, opened on a phone: the case number is filled in
      browser.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
      browser.get("http://localhost:" + PORT + "/chaxun/index.html?n=" + caseNumber);
      WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caseNumber")));
      wait.until(d -> caseNumber.equals(number.getDomProperty("value")));
      assertThat(browser.getTitle()).contains("办件进度查询");
      assertThat(viewportWidth()).isLessThanOrEqualTo(PHONE_WIDTH);
      WebElement tail = browser.findElement(By.id("idTail"));
      WebElement submit = browser.findElement(By.cssSelector("#query button[type='submit']"));
      WebElement error = browser.findElement(By.id("error"));
      WebElement result = browser.findElement(By.id("result"));
      assertThat(error.isDisplayed()).isFalse();
      assertThat(result.isDisplayed()).isFalse();

      // a wrong tail (one attempt: failures per case number are limited): the refusal, no result
      tail.sendKeys("000000");
      submit.click();
      wait.until(ExpectedConditions.visibilityOf(error));
      assertThat(error.getText()).startsWith("办件编号或身份证号码后六位不正确");
      assertThat(result.isDisplayed()).isFalse();
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("办理环节", "社会救助一件事");
      assertFitsThePhone();
      screenshot("wrong-tail");

      // the right tail: the case's kind, status, promised date and steps
      tail.clear();
      tail.sendKeys(idTail);
      submit.click();
      wait.until(ExpectedConditions.visibilityOf(result));
      assertThat(error.isDisplayed()).isFalse();
      assertThat(browser.findElement(By.id("typeName")).getText()).isEqualTo("社会救助一件事");
      assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(caseNumber);
      assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("办理中");
      assertThat(browser.findElement(By.id("promised")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
      var steps = browser.findElements(By.cssSelector("#steps > li"));
      assertThat(steps).anySatisfy(step -> {
        assertThat(step.getText()).startsWith("核对家庭经济状况（一键核对）");
        assertThat(step.findElement(By.cssSelector(".state")).getText()).isEqualTo("已办结");
      });
      assertThat(steps).anySatisfy(step -> {
        assertThat(step.getText()).startsWith("入户调查和民主评议");
        assertThat(step.findElement(By.cssSelector(".state")).getText()).isEqualTo("办理中");
      });
      // nothing about the applicant: neither the ID number nor the name
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(page).doesNotContain(applicant).doesNotContain("王秀英");
      assertThat(browser.getPageSource()).doesNotContain(applicant).doesNotContain("王秀英");
      assertFitsThePhone();
      screenshot("result");
      // the whole result, every step: the window as tall as the page, as wide as before
      long below = ((Number) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollHeight - window.innerHeight")).longValue();
      browser.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT + (int) Math.max(0, below)));
      wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
          "return document.documentElement.scrollHeight - window.innerHeight")).longValue() <= 0);
      assertFitsThePhone();
      screenshot("result-full");
    } catch (Throwable t) {
      screenshot("failure");
      throw t;
    }
  }

  private long viewportWidth() {
    return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
  }

  /** No horizontal scrolling: the page is no wider than the phone's viewport. */
  private void assertFitsThePhone() {
    long scrollWidth = ((Number) ((JavascriptExecutor) browser).executeScript(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")).longValue();
    long clientWidth = ((Number) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.clientWidth")).longValue();
    assertThat(scrollWidth).as("page width on a %d px wide phone", clientWidth).isLessThanOrEqualTo(clientWidth);
  }

  private void screenshot(String name) throws IOException {
    saveScreenshot("applicant-page-" + name + ".png");
  }
}
