CREATE TABLE pm_broken (id BIGINT;
