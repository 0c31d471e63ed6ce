package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With API keys on, Swagger UI shows the contract with its Authorize button, and the page asks for a key, keeps it in the tab's session storage (never in the address), and
 * runs the seed job to its end with it; a wrong key is refused and asked for again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class KeyedPageBrowserTest {
    private static final String KEY = "bp_browser-key-for-tests-000000000000000000";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("backprop.auth.mode", () -> "api-keys");
        registry.add("backprop.auth.api-keys[0].tenant", () -> "browser");
        registry.add("backprop.auth.api-keys[0].sha256", () -> ApiKeys.sha256Hex(KEY));
    }

    @Test
    void thePageAsksForAKeyAndTrainsWithIt() throws Exception {
        WebDriver driver = Chromium.start();
        try {
            driver.get("http://127.0.0.1:" + port + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
            assertThat(driver.findElement(By.id("key-reason")).getText()).isEqualTo("This service needs an API key.");

            driver.findElement(By.id("api-key")).sendKeys("bp_wrong");
            driver.findElement(By.id("use-key")).click();
            wait.until(ExpectedConditions.textToBe(By.id("key-reason"), "The key was refused: the API key is not known"));

            driver.findElement(By.id("api-key")).sendKeys(KEY);
            driver.findElement(By.id("use-key")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("key-form")));
            driver.findElement(By.id("start")).click();
            wait.until(ExpectedConditions.textToBe(By.id("status"), "SUCCEEDED"));
            assertThat(driver.findElement(By.id("accuracy")).getText()).isEqualTo("99.50%");
            assertThat(driver.findElement(By.id("iteration")).getText()).isEqualTo("540");
            assertThat(((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('backprop.apiKey')")).isEqualTo(KEY);
            assertThat(driver.getCurrentUrl()).doesNotContain(KEY);
        } finally {
            driver.quit();
        }
    }

    @Test
    void swaggerUiShowsTheContractUnderTheContentSecurityPolicy() throws Exception {
        WebDriver driver = Chromium.start();
        try {
            driver.get("http://127.0.0.1:" + port + "/swagger-ui.html");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"), "Backprop"));
            assertThat(driver.findElement(By.cssSelector(".swagger-ui .btn.authorize")).getText()).contains("Authorize");
            assertThat(driver.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(20);
        } finally {
            driver.quit();
        }
    }
}
