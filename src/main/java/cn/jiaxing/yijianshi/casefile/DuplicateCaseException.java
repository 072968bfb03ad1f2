package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.engine.RejectedInputException;

/** The same couple / child already has an open case of this type. */
public class DuplicateCaseException extends RejectedInputException {

  public DuplicateCaseException(String message) {
    super(message);
  }
}
