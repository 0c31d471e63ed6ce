package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headless Chromium launches the seed job from the page at / and sees it finish at 99.50%, drawn live
 * from the event stream (the screenshot is kept in target/browser/ as a build artifact), and follows a
 * long job while it runs until its cancel arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class LiveTrainingPageBrowserTest {
    @LocalServerPort
    int port;

    @Test
    void theSeedJobRunsFromThePageToItsFinalAccuracy() throws Exception {
        WebDriver driver = Chromium.start();
        try {
            driver.get("http://127.0.0.1:" + port + "/");
            driver.findElement(By.id("start")).click();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.textToBe(By.id("status"), "SUCCEEDED"));
            assertThat(driver.findElement(By.id("accuracy")).getText()).isEqualTo("99.50%");
            assertThat(driver.findElement(By.id("iteration")).getText()).isEqualTo("540");
            assertThat(driver.findElement(By.id("title")).getText()).contains("Iteration: 540");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path out = Path.of("target/browser/live-training.png");
            Files.createDirectories(out.getParent());
            Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }

    @Test
    void thePageFollowsARunningJobAndSeesItsCancel() throws Exception {
        WebDriver driver = Chromium.start();
        try {
            driver.get("http://127.0.0.1:" + port + "/");
            set(driver, "maxIterations", "1000000");
            set(driver, "targetAccuracy", "2");
            set(driver, "logEvery", "100000");
            driver.findElement(By.id("start")).click();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.id("status")).getText().equals("RUNNING")
                    && d.findElement(By.id("iteration")).getText().matches("[1-9]\\d{3,}"));
            String id = driver.findElement(By.id("job-id")).getText();
            HttpResponse<String> cancel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/" + id + "/cancel")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(cancel.statusCode()).isEqualTo(200);
            wait.until(ExpectedConditions.textToBe(By.id("status"), "CANCELLED"));
        } finally {
            driver.quit();
        }
    }

    private static void set(WebDriver driver, String field, String value) {
        WebElement input = driver.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }
}
