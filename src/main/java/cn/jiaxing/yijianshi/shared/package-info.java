/** Small value types every module may use (resident ID numbers, masking). */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.jiaxing.yijianshi.shared;
