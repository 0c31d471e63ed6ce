package dev.backprop.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {
    private final CallerResolver callers;

    WebConfig(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }

    /**
     * Event streams are the only asynchronous responses: each runs on a virtual thread of its own (a
     * thousand subscribers are a thousand cheap threads, not a pool to exhaust) and lasts as long as its
     * job, so there is no async timeout; a stream ends with its job's terminal event.
     */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        SimpleAsyncTaskExecutor streams = new SimpleAsyncTaskExecutor("sse-");
        streams.setVirtualThreads(true);
        configurer.setTaskExecutor(streams);
        configurer.setDefaultTimeout(0);
    }
}
