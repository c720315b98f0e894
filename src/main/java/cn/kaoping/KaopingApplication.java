package cn.kaoping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KaopingApplication {
    public static void main(String[] args) {
        SpringApplication.run(KaopingApplication.class, args);
    }
}
