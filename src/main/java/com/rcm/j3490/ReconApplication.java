package com.rcm.j3490;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReconApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ReconApplication.class, args)));
    }
}
