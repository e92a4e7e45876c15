import { Injectable } from '@nestjs/common';

/** The time, injectable so that rules depending on it can be tested. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
