package cn.jiaxing.yijianshi.departments;

/**
 * A role or a system of the departments catalogue ({@code departments.yaml}, see {@link Departments}).
 * A role's code is the Camunda candidate group of its clerks; a system's code is the
 * {@code department} property of the steps that call it and the path segment of its URL.
 *
 * @param displayName what staff see, e.g. 民政局（婚姻登记）
 * @param organisation the organisation it belongs to, e.g. 嘉兴市民政局
 */
public record Department(String code, String displayName, String organisation) {
}
