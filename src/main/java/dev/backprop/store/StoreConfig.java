package dev.backprop.store;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded database and its DataSource when {@code backprop.store.type=embedded}; Flyway migrates it as any other. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "backprop.store.type", havingValue = "embedded")
    EmbeddedStore embeddedStore(StoreProperties store) {
        return EmbeddedStore.start(store.path());
    }

    @Bean
    @ConditionalOnProperty(name = "backprop.store.type", havingValue = "embedded")
    DataSource embeddedDataSource(EmbeddedStore store) {
        return store.dataSource();
    }
}
